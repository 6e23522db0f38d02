import Foundation
@testable import RapportLanguage
import Testing

/// Diagnostics printed as a compiler prints them: the quoted line sanitised, the caret under the
/// problem in screen columns, and the time in proportion to what is printed.
@Suite struct DiagnosticPrinterTests {
    @Test func printsLikeACompiler() throws {
        let source = SourceFile(name: "x.scenario", text: "title: T\ncustomer: C\n== start\n  -> lookup\n")
        let result = Checker.check(source)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .indentedOutsideChoice })
        let text = DiagnosticPrinter(colour: false).format(diagnostic, source: source)
        #expect(text.hasPrefix("x.scenario:4:3: error[RP0025]: this indented line does not belong to a choice\n"))
        #expect(text.contains(" 4 |   -> lookup\n"))
        #expect(text.contains("   |   ^~~~~~~~~\n"))
        #expect(!text.contains("\u{1B}"))
        #expect(DiagnosticPrinter(colour: true).format(diagnostic, source: source).contains("\u{1B}["))
    }

    @Test func longLinesAreWindowed() throws {
        let line = String(repeating: "a", count: 3_900) + " coch: x"
        let source = SourceFile(name: "x", text: "title: T\ncustomer: C\n== start\n* hi\n  coach: c\n  -> start\n  \(line)\n")
        let result = Checker.check(source)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .notAllowedInChoice })
        let text = DiagnosticPrinter(colour: false).format(diagnostic, source: source)
        #expect(text.split(separator: "\n").allSatisfy { $0.count < 200 })
    }

    /// A line with hundreds of problems is laid out once: the work is the line's length, not the
    /// length times the problems. Before, each diagnostic sanitised and measured the whole line again,
    /// and this took minutes (a fuzzed file of a megabyte on one line, over two; such a line is now
    /// refused by the line-length limit, but a line within it can still hold hundreds of problems).
    @Test func aLineIsLaidOutOnceHoweverManyProblemsPointIntoIt() throws {
        let items = Array(repeating: "zz +1", count: 560).joined(separator: ", ")
        let source = SourceFile(
            name: "long.scenario", text: "title: T\ncustomer: C\n== start\nC: hi\n* go\n  coach: c\n  score: \(items)\n  -> start\n")
        let diagnostics = Checker.check(source).diagnostics.filter { $0.range.start.line == 7 }
        #expect(diagnostics.count == 560)
        let printer = DiagnosticPrinter(colour: false)
        var quoted = QuotedLines()
        var printed = 0
        for diagnostic in diagnostics { printed += printer.format(diagnostic, source: source, quoting: &quoted).utf8.count }
        #expect(quoted.scalarsLaidOut == source.lineText(7).unicodeScalars.count)
        // Each quote is a window of the line, not the line.
        #expect(printed < diagnostics.count * 500)
        // Printed together, as `check` prints them, they read the same as printed alone.
        let together = printer.format(Array(diagnostics.suffix(3)), sources: [source])
        #expect(together == diagnostics.suffix(3).map { printer.format($0, source: source) })
    }

    /// Where the caret goes, in screen columns of the line as shown, for a column of the source line
    /// (in scalars): removed escape sequences take no room, codes take theirs, wide characters two.
    @Test(arguments: [
        ("ab\u{1B}[1mcd", 7, 2, "abcd", 2, 2),
        ("a\u{7}b", 3, 1, "a<U+0007>b", 9, 1),
        ("a\u{7}b", 2, 1, "a<U+0007>b", 1, 8),
        ("日本x", 3, 1, "日本x", 4, 1),
        ("日本x", 1, 2, "日本x", 0, 4),
        ("👩\u{200D}💻x", 4, 1, "👩\u{200D}💻x", 2, 1),
        ("pay\u{202E}lap", 5, 3, "pay<U+202E>lap", 11, 3),
        ("short", 9, 1, "short", 5, 1),
    ])
    func caretsLandUnderTheProblem(
        line: String, column: Int, length: Int, shown: String, caretColumn: Int, caretWidth: Int
    ) {
        let window = QuotedLine(line).window(from: column, length: length, maximumWidth: 100)
        #expect(window.shown == shown)
        #expect(window.caretColumn == caretColumn)
        #expect(window.caretWidth == caretWidth)
    }

    /// A wide line is windowed by screen columns and cut between characters, never inside one.
    @Test func windowsAreCutBetweenCharacters() {
        let line = String(repeating: "日", count: 100) + "x" + String(repeating: "👩\u{200D}💻", count: 100)
        let window = QuotedLine(line).window(from: 101, length: 1, maximumWidth: 100)
        #expect(window.shown.hasPrefix("…日") && window.shown.hasSuffix("👩\u{200D}💻…"))
        #expect(DisplayWidth.of(window.shown) <= 102)
        #expect(window.shown.contains("x"))
        let beforeCaret = window.shown.prefix { $0 != "x" }
        #expect(window.caretColumn == DisplayWidth.of(beforeCaret))
    }

    /// A character of a hundred thousand scalars (a letter and its combining marks) is found in
    /// constant time, however many diagnostics point into it; and the narrow line it makes is still
    /// quoted as a window, not printed whole for each diagnostic.
    @Test func aHugeCharacterCostsNoMoreThanASmallOne() {
        let line = "ab" + "e" + String(repeating: "\u{301}", count: 100_000) + "cd"
        let quoted = QuotedLine(line)
        for column in stride(from: 4, to: 100_000, by: 1_000) {
            let window = quoted.window(from: column, length: 1, maximumWidth: 100)
            #expect(window.caretColumn == 2 && window.caretWidth == 1)
            #expect(window.shown.unicodeScalars.count <= 402)
        }
    }

    /// The first line of a file may start with a byte order mark: it is not quoted, and the caret
    /// still lands under the problem.
    @Test func aByteOrderMarkIsNotQuoted() {
        let window = QuotedLine("\u{FEFF}title: x", skippingByteOrderMark: true).window(from: 9, length: 1, maximumWidth: 100)
        #expect(window.shown == "title: x")
        #expect(window.caretColumn == 7)
    }

    /// The file's name is outside text too.
    @Test func fileNamesAreSanitised() throws {
        let source = SourceFile(name: "\u{1B}]0;pwned\u{7}evil\u{202E}.scenario", text: "title: T\n")
        let diagnostic = try #require(Checker.check(source).diagnostics.first)
        let text = DiagnosticPrinter(colour: false).format(diagnostic, source: source)
        #expect(text.hasPrefix("evil<U+202E>.scenario:"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }
}
