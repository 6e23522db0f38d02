/// Text from outside Rapport (scenario and walkthrough files, file and folder names, what a learner or
/// a facilitator types, saved sessions, the command line) must never drive the terminal, and must never
/// look like something it is not. Every such text passes through `clean` before it is shown, and JSON
/// output through `escapingJSON`, by the same rules. By class of character:
///
/// - **Escape sequences** (ESC then `[ … final`, a string `] P X ^ _ … BEL or ST`, or `intermediates
///   final`; and the 8-bit forms CSI, OSC, DCS, SOS, PM, APC): **removed whole**, parameters and all.
///   They are commands (colour, cursor moves, window titles, hyperlinks); shown, they would be noise.
///   A string never ended loses only its introducer: a terminal would swallow the rest of the text,
///   but here the rest may be Rapport's own message around a quoted name, which must still be read.
///   In a scenario the checker reports them (RP0106).
/// - **Tab, line and paragraph separators** (U+0009; U+2028, U+2029 and NEL, U+0085): **a space**.
///   Every text shown is a line of its own; the words on either side must stay apart.
/// - **Other control characters** (C0, DEL, C1, and an ESC that starts no sequence): **shown as their
///   code**, `<U+0007>`, so that a file name, a walk's name or an echoed answer with one in it is seen
///   to be what it is: `'A<U+0000>' is not an option` rather than a baffling `'A' is not an option`.
/// - **Direction controls** (LRM, RLM, ALM; embeddings, overrides and isolates, U+202A...U+202E and
///   U+2066...U+2069): **shown as their code**. They reorder what is displayed, so that text reads as
///   something else ("Trojan Source"); whether a terminal honours them varies, so they are made seen.
/// - **Invisible characters** (Unicode's default-ignorable code points, such as zero-width spaces,
///   word joiners, the soft hyphen, fillers, tags, a byte order mark inside text, and the interlinear
///   annotation marks): **shown as their code**, except where they are part of ordinary writing, when
///   they are **kept**:
///   - a zero-width joiner between two emoji (👩‍💻 is a woman, a joiner and a laptop);
///   - a zero-width joiner or non-joiner between two letters or marks that are not ASCII (Persian,
///     Hindi and other scripts spell words with them); between ASCII letters they only disguise;
///   - one variation selector after a visible character (❤️ is a heart and VS16); a run of them can
///     carry hidden text, so the second and later are shown;
///   - tag characters after a black flag, U+1F3F4 (the flags of Scotland and Wales are spelt so).
/// - **Everything else** (letters, marks, digits, punctuation, emoji, wide characters) passes unchanged.
///
/// Codes are ASCII, which passes unchanged, so cleaning clean text changes nothing.
public enum Sanitizer {
    /// What cleaning does to a stretch of text that it does not pass on as it is.
    public enum Change: Sendable, Equatable {
        /// An escape sequence, removed.
        case escapeSequence
        /// A tab, shown as a space.
        case tab
        /// A line or paragraph separator, shown as a space.
        case lineSeparator(Unicode.Scalar)
        /// A control character that starts no escape sequence, shown as its code.
        case control(Unicode.Scalar)
        /// A character that changes the direction of text, shown as its code.
        case directionControl(Unicode.Scalar)
        /// An invisible character where it is not part of ordinary writing, shown as its code.
        case invisible(Unicode.Scalar)

        /// What is shown instead.
        public var replacement: String {
            switch self {
            case .escapeSequence: ""
            case .tab, .lineSeparator: " "
            case .control(let scalar), .directionControl(let scalar), .invisible(let scalar): Sanitizer.code(scalar)
            }
        }
    }

    /// The text as it may be shown: see the rules above.
    public static func clean(_ text: String) -> String { cleaned(text).text }

    /// The text as it may be shown, and the first thing cleaning changed other than a tab (what a
    /// writer is told, RP0106), in one reading.
    public static func cleaned(_ text: String) -> (text: String, firstChange: Change?) {
        guard mayChange(text.utf8) else { return (text, nil) }
        let scalars = Array(text.unicodeScalars)
        // Made as UTF-8 bytes, which grow geometrically. Appended piece by piece to a string's
        // scalars instead, the text was copied whole again and again (measured: a fuzzed text of many
        // short pieces spent three quarters of its time in that copying).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var first: Change?
        scan(scalars) { range, change in
            if let change {
                if first == nil, change != .tab { first = change }
                bytes.append(contentsOf: change.replacement.utf8)
            } else {
                for scalar in scalars[range] { bytes.append(contentsOf: scalar.utf8) }
            }
        }
        return (String(decoding: bytes, as: UTF8.self), first)
    }

    /// A scenario's text is sanitised when it is checked, but one read back from a saved record
    /// may have been edited since.
    public static func clean(_ text: ScenarioText) -> String { clean(text.string) }

    /// The first thing `clean` would change other than a tab, for telling a writer (RP0106).
    public static func firstChange(in text: String) -> Change? { cleaned(text).firstChange }

    /// A scalar written so that it can be read: `<U+202E>`, at least four hexadecimal digits.
    public static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    // MARK: - Reading the text

    /// Calls `piece` for consecutive stretches of `scalars`, from first to last, with what each
    /// becomes: nil for a stretch passed on as it is. Time in proportion to the number of scalars.
    static func scan(_ scalars: [Unicode.Scalar], _ piece: (Range<Int>, Change?) -> Void) {
        var keptFrom = 0
        var index = 0
        // Where a string was found never to end: no later one ends either, and is not read again,
        // so that a text of many unended strings still takes time in proportion to its length.
        var unendedFrom = Int.max
        func changed(_ end: Int, _ change: Change) {
            if keptFrom < index { piece(keptFrom..<index, nil) }
            piece(index..<end, change)
            index = end
            keptFrom = end
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x09:
                changed(index + 1, .tab)
            case 0x1B:
                let end = endOfEscape(scalars, at: index, unendedFrom: &unendedFrom)
                changed(end, end > index + 1 ? .escapeSequence : .control(scalar))
            case 0x9B:
                changed(endOfControlSequence(scalars, from: index + 1), .escapeSequence)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                changed(endOfString(scalars, from: index + 1, unendedFrom: &unendedFrom), .escapeSequence)
            case 0x85, 0x2028, 0x2029:
                changed(index + 1, .lineSeparator(scalar))
            case 0x00...0x1F, 0x7F...0x9F:
                changed(index + 1, .control(scalar))
            default:
                if isDirectionControl(scalar.value) {
                    changed(index + 1, .directionControl(scalar))
                } else if isTag(scalar.value) {
                    // A run of tags is writing only after a black flag: read it once, whole.
                    var end = index + 1
                    while end < scalars.count, isTag(scalars[end].value) { end += 1 }
                    if index > 0, scalars[index - 1].value == 0x1F3F4 {
                        index = end
                    } else {
                        while index < end { changed(index + 1, .invisible(scalars[index])) }
                    }
                } else if isInvisible(scalar.value) && !isPartOfWriting(scalars, at: index) {
                    changed(index + 1, .invisible(scalar))
                } else {
                    index += 1
                }
            }
        }
        if keptFrom < scalars.count { piece(keptFrom..<scalars.count, nil) }
    }

    /// Where the escape sequence that starts with the ESC at `index` ends; `index + 1` if that ESC
    /// starts none (it is then a control character of its own).
    static func endOfEscape(_ scalars: [Unicode.Scalar], at index: Int, unendedFrom: inout Int) -> Int {
        let next = index + 1
        guard next < scalars.count else { return next }
        switch scalars[next].value {
        case 0x5B:  // [
            return endOfControlSequence(scalars, from: next + 1)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // ] P X ^ _
            return endOfString(scalars, from: next + 1, unendedFrom: &unendedFrom)
        case 0x20...0x2F:
            // Intermediate bytes, then one final byte (`ESC ( B` chooses a character set).
            var end = next
            while end < scalars.count, (0x20...0x2F).contains(scalars[end].value) { end += 1 }
            if end < scalars.count, (0x30...0x7E).contains(scalars[end].value) { end += 1 }
            return end
        case 0x30...0x7E:
            return next + 1  // `ESC 7`, `ESC c`, `ESC M`: one final byte
        default:
            return next
        }
    }

    /// After CSI: parameter and intermediate bytes, then one final byte. Anything else ends the
    /// sequence before it, and is read as text of its own.
    static func endOfControlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < scalars.count {
            let value = scalars[end].value
            if (0x40...0x7E).contains(value) { return end + 1 }
            guard (0x20...0x3F).contains(value) else { return end }
            end += 1
        }
        return end
    }

    /// After OSC, DCS, SOS, PM or APC: everything up to and including BEL, ST or `ESC \`. A string
    /// never ended ends where it starts, so only its introducer is removed (see above).
    static func endOfString(_ scalars: [Unicode.Scalar], from start: Int, unendedFrom: inout Int) -> Int {
        guard start < unendedFrom else { return start }
        var end = start
        while end < scalars.count {
            let value = scalars[end].value
            if value == 0x07 || value == 0x9C { return end + 1 }
            if value == 0x1B, end + 1 < scalars.count, scalars[end + 1] == "\\" { return end + 2 }
            end += 1
        }
        unendedFrom = start
        return start
    }

    // MARK: - Classes of characters

    /// Left-to-right, right-to-left and Arabic letter marks; embeddings, overrides, isolates.
    static func isDirectionControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Unicode's default-ignorable code points (those a font shows as nothing) other than the
    /// direction controls, and the interlinear annotation marks U+FFF9...U+FFFB, which hide text
    /// too. A test holds this list to the Unicode property.
    static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AD, 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200D, 0x2060...0x2065,
            0x206A...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xFFF0...0xFFFB, 0x1BCA0...0x1BCA3,
            0x1D173...0x1D17A, 0xE0000...0xE0FFF:
            true
        default:
            false
        }
    }

    /// The tag characters, which spell a subdivision's flag after U+1F3F4, and nothing else visible.
    static func isTag(_ value: UInt32) -> Bool { (0xE0020...0xE007F).contains(value) }

    static func isVariationSelector(_ value: UInt32) -> Bool {
        switch value {
        case 0x180B...0x180D, 0x180F, 0xFE00...0xFE0F, 0xE0100...0xE01EF: true
        default: false
        }
    }

    /// Whether the invisible character at `index` is part of ordinary writing (see the rules above);
    /// tags, which come in runs, are read by `scan`.
    static func isPartOfWriting(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index > 0 else { return false }
        let value = scalars[index].value
        let before = scalars[index - 1]
        let after = index + 1 < scalars.count ? scalars[index + 1] : nil
        switch value {
        case 0x200D:
            guard let after else { return false }
            return (isEmojiPart(before) && isEmoji(after)) || (isJoinedLetter(before) && isJoinedLetter(after))
        case 0x200C:
            guard let after else { return false }
            return isJoinedLetter(before) && isJoinedLetter(after)
        default:
            guard isVariationSelector(value) else { return false }
            let previous = before.value
            return previous > 0x20 && previous != 0x7F && !(0x80...0x9F).contains(previous) && !isInvisible(previous)
                && !isDirectionControl(previous) && !before.properties.isWhitespace
        }
    }

    /// An emoji, as the start of a joined sequence may end: the emoji itself, a skin tone, or VS16.
    static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
        isEmoji(scalar) || scalar.value == 0xFE0F
    }

    /// Emoji other than the digits, `#` and `*`, which Unicode counts as emoji for keycaps.
    static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0xA9 && scalar.properties.isEmoji
    }

    /// A letter or a mark outside ASCII: where a joiner or non-joiner shapes a word.
    static func isJoinedLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x80 else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    // MARK: - Telling from the bytes that nothing needs doing

    /// Whether `clean` may change the text with these UTF-8 bytes: false means it certainly does
    /// not. Told from the bytes, decoding only the scalars outside ASCII; time in proportion to the
    /// number of bytes, and no allocation, since nearly every text needs nothing.
    public static func mayChange(_ bytes: some Sequence<UInt8>) -> Bool { mayChange(bytes, countingC0: true) }

    /// `countingC0` false: C0 controls do not count, as in JSON, whose text has line breaks of its
    /// own and whose encoder has escaped every C0 control inside a string already.
    static func mayChange(_ bytes: some Sequence<UInt8>, countingC0: Bool) -> Bool {
        var value: UInt32 = 0
        var remaining = 0
        for byte in bytes {
            if remaining > 0 {
                if byte & 0xC0 == 0x80 {
                    value = value << 6 | UInt32(byte & 0x3F)
                    remaining -= 1
                    if remaining == 0, mayChange(value) { return true }
                    continue
                }
                // Not UTF-8: the scalar ends here, and this byte is read afresh.
                remaining = 0
            }
            switch byte {
            case 0x7F: return true
            case 0x00...0x1F: if countingC0 { return true }
            case 0x20...0x7E: continue
            case 0xC0...0xDF: (value, remaining) = (UInt32(byte & 0x1F), 1)
            case 0xE0...0xEF: (value, remaining) = (UInt32(byte & 0x0F), 2)
            case 0xF0...0xF7: (value, remaining) = (UInt32(byte & 0x07), 3)
            default: continue
            }
        }
        return false
    }

    /// Whether a scalar is one that cleaning may change, whatever is around it.
    static func mayChange(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 || isDirectionControl(value)
            || isInvisible(value)
    }
}
