#if canImport(Glibc)
import Glibc
#endif
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTerminal
import RapportTestSupport
import RapportWorkshop
import Testing

@Suite struct LayoutTests {
    @Test func wrapsAtWordBoundaries() {
        let lines = TextLayout.wrap("the quick brown fox jumps over the lazy dog", width: 15)
        #expect(lines == ["the quick brown", "fox jumps over", "the lazy dog"])
        #expect(lines.allSatisfy { TextLayout.width($0) <= 15 })
    }

    @Test func indentsFollowingLines() {
        let lines = TextLayout.wrap("one two three four five six", width: 16, firstIndent: "  1. ", restIndent: "     ")
        #expect(lines == ["  1. one two", "     three four", "     five six"])
    }

    @Test func wideCharactersTakeTwoColumns() {
        let lines = TextLayout.wrap("日本語の文章です とても 長い 行 です", width: 12)
        #expect(lines.allSatisfy { TextLayout.width($0) <= 12 })
        #expect(lines.joined(separator: " ").filter { $0 != " " } == "日本語の文章ですとても長い行です")
    }

    @Test func emojiAndAccentsAreNotSplit() {
        let text = "Café 👋🏽 naïve e\u{301} " + String(repeating: "👍", count: 20)
        let lines = TextLayout.wrap(text, width: 12)
        #expect(lines.allSatisfy { TextLayout.width($0) <= 12 })
        #expect(lines.joined().contains("👋🏽"))
        #expect(lines.joined().contains("e\u{301}"))
    }

    @Test func colourCodesTakeNoColumns() {
        #expect(TextLayout.width("\u{1B}[1mbold\u{1B}[0m") == 4)
    }

    /// Columns are filled by display width, not by characters: a CJK name or an emoji takes two
    /// columns a character, so padding by characters would push what follows it out of line.
    @Test func columnsLineUpByDisplayWidth() {
        let names = ["Blue", "赤組", "🦊 Fox", "Café"]
        let rows = names.map { TextLayout.leftAligned($0, width: 10) + TextLayout.rightAligned("+3", width: 6) }
        #expect(rows.map { TextLayout.width($0) } == [16, 16, 16, 16])
        #expect(rows[1] == "赤組      " + "    +3")
        #expect(TextLayout.rightAligned("日本", width: 6) == "  日本")
        #expect(TextLayout.leftAligned("とても長い名前", width: 4) == "とても長い名前", "never cut")
    }

    @Test func shortenedByDisplayWidth() {
        #expect(TextLayout.shortened("short", width: 40) == "short")
        #expect(TextLayout.shortened("abcdef", width: 4) == "abcd…")
        // Five wide characters are ten columns; a sixth would not fit in eleven.
        #expect(TextLayout.shortened("日本語の文章です", width: 11) == "日本語の文…")
    }

    @Test func scoreboardLinesUpWideTeamNames() throws {
        let scenario = try checked(
            """
            title: T
            customer: C
            == start
            * Yes.
              score: respect +2
              coach: c
              -> done
            * No.
              score: respect -1
              coach: c
              -> done
            == done
            end good: ok
            """)
        var workshop = Workshop(scenario: scenario, teams: ["赤組", "Blue", "🦊 Fox"])
        try workshop.decide(vote: .teams([0, 1, 0]), option: 0, tieBroken: false)
        let renderer = FacilitatorRenderer(style: Style(colour: false, plain: false, width: 80), clearsScreen: false)
        let table = renderer.scoreboard(workshop).split(separator: "\n").drop { !$0.hasPrefix("  ") }
        #expect(table.count == 5, "the heading row, the room and three teams")
        let widths = table.map { TextLayout.width($0) }
        #expect(Set(widths).count == 1, "every row ends in the same column: \(widths)\n\(table.joined(separator: "\n"))")
        let nameColumns = table.dropFirst().map { row in TextLayout.width(row.prefix { !"+-0".contains($0) }) }
        #expect(Set(nameColumns).count == 1, "the first figure starts in the same column on every row")
    }

    @Test func longWordsAreBroken() {
        let lines = TextLayout.wrap(String(repeating: "x", count: 30), width: 12)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 12 })
    }
}

/// In plain output a moment is announced as a sentence, "A moment that matters: The opening.", and
/// a moment named with its own stop ("Still there?") got a second one after it ("Still there?.").
@Suite struct MomentSentenceTests {
    static func scenario(moment: String) throws -> CheckedScenario {
        try #require(
            Checker.check(
                SourceFile(
                    name: "t.scenario",
                    text: """
                        title: T
                        customer: Dana
                        == start
                        moment: \(moment)
                        discuss: What now?
                        Dana: Hello?
                        * Hello, Dana.
                          coach: c
                          -> done
                        * Yes?
                          coach: c
                          -> done
                        == done
                        end good: ok
                        """)
            ).scenario)
    }

    @Test(arguments: [
        ("The opening", "The opening."), ("Still there?", "Still there?"), ("Stop!", "Stop!"), ("Not yet.", "Not yet."),
        ("\"Why me?\"", "\"Why me?\""), ("Wait…", "Wait…"),
    ])
    func aMomentEndsWithOneStop(moment: String, shown: String) throws {
        let scenario = try Self.scenario(moment: moment)
        let style = Style(colour: false, plain: true, width: 80)
        let step = Session(scenario).step
        let practice = PracticeRenderer(style: style).decision(step, meter: nil, showMeter: false)
        #expect(practice.contains("A moment that matters: \(shown)\n"), "\(practice)")
        let workshop = Workshop(scenario: scenario, teams: [])
        let screen = FacilitatorRenderer(style: style, clearsScreen: false).decision(step, number: 1, workshop: workshop, footer: [])
        #expect(screen.spaced.contains("A moment that matters: \(shown)"), "\(screen.spaced)")
    }
}

@Suite struct SanitisingTests {
    /// A hostile scenario: escape sequences in every kind of text must not reach the terminal.
    @Test func noEscapeReachesTheScreen() throws {
        let esc = "\u{1B}"
        let text = """
            title: Evil\(esc)]0;owned\u{07} title
            customer: Mallory\(esc)[2J
            summary: Clears \(esc)[H the screen
            == start
            moment: A \(esc)[31mred\(esc)[0m moment
            hint: \(esc)[5mblink
            Mallory: Hi \(esc)[1A there\u{9B}31m
            * Choice \(esc)[?25l hidden cursor
              coach: Note \(esc)]8;;http://x\(esc)\\\\link\(esc)]8;;\(esc)\\\\
              -> end
            == end
            end good: Done \u{202E}backwards
            """
        let result = Checker.check(SourceFile(name: "evil.scenario", text: text))
        let scenario = try #require(result.scenario)
        var run = PracticeRun(
            scenario: scenario, analysis: Analysis(scenario), reader: ScriptedLineReader(lines: [":hint", "1"]),
            output: BufferOutput(), style: Style(colour: false, plain: false, width: 80), options: PracticeOptions())
        _ = run.run()
        let forbidden: Set<UInt32> = [0x1B, 0x9B, 0x07, 0x202E]
        let leaked = run.output.text.unicodeScalars.filter { forbidden.contains($0.value) }
        #expect(leaked.isEmpty)
        #expect(run.output.text.contains("Mallory"))
        #expect(run.output.text.contains("Choice"))
    }
}

@Suite struct LineReaderTests {
    func reader(_ bytes: [UInt8]) -> PlainLineReader {
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        bytes.withUnsafeBytes { _ = write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        return PlainLineReader(fileDescriptor: fds[0])
    }

    @Test func readsLinesThenEnd() {
        var plain = reader(Array("1\r\n:help\nlast".utf8))
        #expect(plain.read(prompt: "> ", silenceAfter: 5) == .line("1"))
        #expect(plain.read(prompt: "> ", silenceAfter: nil) == .line(":help"))
        #expect(plain.read(prompt: "> ", silenceAfter: nil) == .line("last"))
        #expect(plain.read(prompt: "> ", silenceAfter: nil) == .endOfInput)
    }

    @Test func refusesHugeAndInvalidLines() {
        var plain = reader(Array(repeating: UInt8(ascii: "a"), count: 50_000) + [10] + [0xFF, 0xFE, 10] + Array("2\n".utf8))
        guard case .rejected(let tooLong) = plain.read(prompt: "", silenceAfter: nil) else {
            Issue.record("a 50,000-byte line should be refused")
            return
        }
        #expect(tooLong.contains("too long"))
        guard case .rejected(let invalid) = plain.read(prompt: "", silenceAfter: nil) else {
            Issue.record("invalid UTF-8 should be refused")
            return
        }
        #expect(invalid.contains("UTF-8"))
        #expect(plain.read(prompt: "", silenceAfter: nil) == .line("2"))
    }
}
