import Foundation
@testable import RapportLanguage
import Testing

/// The sanitiser's rules, one class of character at a time (see `Sanitizer`), and the promises the
/// rest of Rapport relies on: cleaning twice changes nothing, the quick test from the bytes never
/// misses what cleaning changes, and JSON keeps every character but shows none of them raw.
@Suite struct SanitizerTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("café 日本 👋🏽", "café 日本 👋🏽"),
        // Escape sequences: removed whole.
        ("red \u{1B}[31mtext\u{1B}[0m", "red text"),
        ("cursor \u{1B}[2Aup", "cursor up"),
        ("title\u{1B}]0;pwned\u{07} after", "title after"),
        ("link \u{1B}]8;;http://x\u{1B}\\here\u{1B}]8;;\u{1B}\\", "link here"),
        ("C1 \u{9B}2J clear", "C1  clear"),
        ("C1 \u{9D}0;title\u{9C}string", "C1 string"),
        ("charset \u{1B}(Bset", "charset set"),
        ("a title never ended \u{1B}]0;title: and the rest", "a title never ended 0;title: and the rest"),
        ("an 8-bit one \u{9D}0;title", "an 8-bit one 0;title"),
        ("reset \u{1B}cdone", "reset done"),
        ("a CSI cut short \u{1B}[31é", "a CSI cut short é"),
        // Tabs and line separators: a space.
        ("tab\there", "tab here"),
        ("line\u{2028}break", "line break"),
        ("paragraph\u{2029}break", "paragraph break"),
        ("next\u{85}line", "next line"),
        // Other control characters: shown as their code.
        ("bell\u{07} and backspace\u{08}", "bell<U+0007> and backspace<U+0008>"),
        ("A\u{0}", "A<U+0000>"),
        ("delete\u{7F}", "delete<U+007F>"),
        ("string terminator \u{9C}alone", "string terminator <U+009C>alone"),
        ("lone escape at the end \u{1B}", "lone escape at the end <U+001B>"),
        ("escape before a letter \u{1B}é", "escape before a letter <U+001B>é"),
        ("new\nline", "new<U+000A>line"),
        // Direction controls: shown as their code.
        ("bidi \u{202E}reversed\u{202C}", "bidi <U+202E>reversed<U+202C>"),
        ("isolate \u{2066}x\u{2069}", "isolate <U+2066>x<U+2069>"),
        ("marks \u{200E}\u{200F}\u{61C}", "marks <U+200E><U+200F><U+061C>"),
        // Invisible characters: shown as their code...
        ("zero\u{200B}width", "zero<U+200B>width"),
        ("pay\u{200D}pal", "pay<U+200D>pal"),
        ("word\u{2060}joiner", "word<U+2060>joiner"),
        ("soft\u{AD}hyphen", "soft<U+00AD>hyphen"),
        ("mark \u{FEFF}inside", "mark <U+FEFF>inside"),
        ("hidden \u{E0041}\u{E0042}", "hidden <U+E0041><U+E0042>"),
        ("filler \u{3164}", "filler <U+3164>"),
        ("\u{200D}👩", "<U+200D>👩"),
        ("👩\u{200D}", "👩<U+200D>"),
        ("two selectors ❤\u{FE0F}\u{FE0F}", "two selectors ❤\u{FE0F}<U+FE0F>"),
        ("selector after a space \u{FE0F}", "selector after a space <U+FE0F>"),
        // ...except in ordinary writing, where they stay.
        ("coder 👩\u{200D}💻", "coder 👩\u{200D}💻"),
        ("toned 🧑🏽\u{200D}💻", "toned 🧑🏽\u{200D}💻"),
        ("flag 🏳\u{FE0F}\u{200D}🌈", "flag 🏳\u{FE0F}\u{200D}🌈"),
        ("heart ❤\u{FE0F}", "heart ❤\u{FE0F}"),
        ("Persian می\u{200C}خواهم", "Persian می\u{200C}خواهم"),
        ("Hindi क्\u{200D}ष", "Hindi क्\u{200D}ष"),
        ("Scotland 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "Scotland 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"),
    ])
    func cleans(input: String, expected: String) {
        #expect(Sanitizer.clean(input) == expected)
        #expect(Sanitizer.clean(expected) == expected, "cleaning clean text must change nothing")
    }

    /// Long texts with many changes take time in proportion to their length. Each of these once took
    /// time in the square of it (hours, at this size): strings that never end were each read to the
    /// end of the text, and each short piece appended copied all the text cleaned so far.
    @Test func longTextsWithManyChangesTakeLinearTime() {
        #expect(Sanitizer.clean(String(repeating: "\u{1B}]x", count: 200_000)) == String(repeating: "x", count: 200_000))
        #expect(Sanitizer.clean(String(repeating: "\u{9D}x", count: 200_000)) == String(repeating: "x", count: 200_000))
        #expect(Sanitizer.clean(String(repeating: "ab\u{1B}[1m", count: 200_000)) == String(repeating: "ab", count: 200_000))
        let json = "[\"" + String(repeating: "ab\u{9B}", count: 200_000) + "\"]"
        #expect(Sanitizer.escapingJSON(json) == "[\"" + String(repeating: "ab\\u009b", count: 200_000) + "\"]")
    }

    @Test(arguments: [
        ("a \u{1B}[1mbold\u{1B}[0m word", Sanitizer.Change.escapeSequence),
        ("a\tb \u{7}", .control("\u{7}")),
        ("a \u{202E}b", .directionControl("\u{202E}")),
        ("a\u{200B}b", .invisible("\u{200B}")),
        ("a\u{2028}b", .lineSeparator("\u{2028}")),
    ])
    func saysWhatItChanges(text: String, change: Sanitizer.Change) {
        #expect(Sanitizer.firstChange(in: text) == change)
    }

    @Test func nothingToSayAboutOrdinaryWriting() {
        for text in ["tab\tonly", "coder 👩\u{200D}💻", "heart ❤\u{FE0F}", "می\u{200C}خواهم", "plain"] {
            #expect(Sanitizer.firstChange(in: text) == nil, "\(text)")
        }
    }

    /// The invisible class is Unicode's own list of default-ignorable code points (less the direction
    /// controls, a class of their own), with the interlinear annotation marks added.
    @Test func invisibleIsUnicodesDefaultIgnorable() {
        var disagree: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let listed = Sanitizer.isInvisible(value) || Sanitizer.isDirectionControl(value)
            let unicode = scalar.properties.isDefaultIgnorableCodePoint || (0xFFF9...0xFFFB).contains(value)
            if listed != unicode { disagree.append(Sanitizer.code(scalar)) }
        }
        #expect(disagree.isEmpty, "\(disagree.prefix(20))")
    }

    /// The quick test from the bytes must say "may change" for every scalar that cleaning changes in
    /// some context: otherwise a text would be shown raw without being cleaned.
    @Test func theQuickTestMissesNothing() {
        var missed: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = Sanitizer.clean(String(Character(scalar))) != String(Character(scalar))
            let byBytes = Sanitizer.mayChange(Array(String(Character(scalar)).utf8))
            if alone && !byBytes { missed.append(Sanitizer.code(scalar)) }
        }
        #expect(missed.isEmpty, "\(missed.prefix(20))")
        // Bytes that are not UTF-8 end a scalar early, and the byte after is read afresh.
        #expect(Sanitizer.mayChange([0xE2, 0xC2, 0x9B] as [UInt8]))
        #expect(!Sanitizer.mayChange(Array("café 日本 👋🏽".utf8)))
    }

    /// Foundation's encoder escapes C0 controls but writes DEL, C1, separators, direction controls and
    /// invisible characters raw; escaped, the JSON reads back as the very same strings.
    @Test func jsonKeepsEveryCharacterButShowsNoneRaw() throws {
        let texts = [
            "a\u{0}b\u{1B}[31mc\u{7F}d\u{85}\u{9B}e\u{2028}f\u{202E}g\u{200B}h\u{E0041}i", "coder 👩\u{200D}💻 and pay\u{200D}pal",
            "an 8-bit title \u{9D}0;x\u{9C} and Scotland 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        ]
        let encoded = String(decoding: try JSONEncoder().encode(texts), as: UTF8.self)
        let escaped = Sanitizer.escapingJSON(encoded)
        #expect(try JSONDecoder().decode([String].self, from: Data(escaped.utf8)) == texts)
        let raw = escaped.unicodeScalars.filter { Sanitizer.mayChange($0.value) && $0 != "\u{200D}" && !Sanitizer.isTag($0.value) }
        #expect(raw.isEmpty, "\(raw.map(Sanitizer.code))")
        #expect(escaped.contains("\\u007f") && escaped.contains("\\u009b") && escaped.contains("\\u2028"))
        #expect(escaped.contains("\\u202e") && escaped.contains("\\u200b") && escaped.contains("\\udb40\\udc41"))
        #expect(escaped.contains("👩\u{200D}💻") && escaped.contains("pay\\u200dpal"))
        #expect(escaped.contains("\\u009d0;x\\u009c") && escaped.contains("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"))
        #expect(Sanitizer.escapingJSON("{\n  \"a\" : \"b\"\n}") == "{\n  \"a\" : \"b\"\n}")
    }
}
