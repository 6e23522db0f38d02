import RapportLanguage
import Testing

@Suite struct CheckerTests {
    @Test func minimalScenarioChecksClean() throws {
        let result = check(minimal)
        #expect(result.diagnostics.isEmpty)
        let scenario = try #require(result.scenario)
        #expect(scenario.id == "test")
        #expect(scenario.dimensions == Checker.defaultDimensions)
        #expect(scenario.nodes.map(\.id) == ["start", "done"])
        #expect(scenario.nodes[0].choices.map(\.id) == ["start.1", "start.2"])
        #expect(scenario.nodes[0].choices.map(\.target) == [1, 1])
    }

    /// Each snippet is placed after a valid header and must report exactly the given codes.
    @Test(arguments: [
        ("== start\n* Hi\n  coach: c\n  -> nowhere\n", [DiagnosticCode.undefinedNode]),
        ("== start\ncoch: hi\nend good: ok\n", [.unknownKeyword]),
        ("== start\nend good: ok\n== start\nend good: ok\n", [.duplicateNode]),
        ("== start\n* Hi\n  coach: c\n== b\nend good: ok\n", [.choiceLeadsNowhere]),
        ("== start\n* Hi\n  score: kindness +1\n  coach: c\n  -> start\n", [.unknownDimension, .noEndingReachable]),
        ("== start\n* Hi\n  score: empathy +x\n  coach: c\n  -> e\n== e\nend good: ok\n", [.malformedEffect]),
        ("== start\nsilence 20: Hello?\nend good: ok\n", [.malformedDuration]),
        ("== start\n[if nope > 1] Hi\nend good: ok\n", [.undefinedVariable]),
        ("== start\n[if promised cb] Hi\nend good: ok\n", [.undefinedPromise]),
        ("== start\nDana: Hello?\n", [.deadEnd, .noEndingReachable]),
        ("== start\n-> b\n== b\n-> start\n", [.endlessLoop, .noEndingReachable]),
        ("== start\n* Hi\n  -> start\n", [.missingCoachNote, .noEndingReachable]),
        ("== start\nend good: ok\nDana: never said\n", [.unreachableLine]),
        ("== start\nend good: ok\n== lost\nend poor: no\n", [.unreachableNode]),
        ("== start\n  indented\nend good: ok\n", [.indentedOutsideChoice]),
        ("== start\n* Hi\n  coach: c\n  hello there\n  -> e\n== e\nend good: ok\n", [.notAllowedInChoice]),
        ("== start\n* Hi\n  coach: c\n  coach: d\n  -> e\n== e\nend good: ok\n", [.duplicateInChoice]),
        ("== start\nmoment: a\nmoment: b\nend good: ok\n", [.duplicateInNode]),
        ("== start\n[if x > 1] moment: a\nend good: ok\n", [.undefinedVariable, .conditionNotAllowed]),
        ("== start\nsilence: Hello?\nend good: ok\n", [.missingSilenceTime]),
        ("== bad name!\nend good: ok\n", [.invalidName]),
        ("== start\nSam: hi\nend good: ok\n", [.unknownSpeaker]),
        ("== start\nDana: a \u{1B}[31mred\u{1B}[0m word\nend good: ok\n", [.controlCharacter]),
        ("== start\n* Hi\n  promise cb: call back\n  coach: c\n  -> e\n== e\nend good: ok\n", [.promiseNeverSettled]),
    ])
    func reportsProblems(body: String, expected: [DiagnosticCode]) {
        let found = codes("title: T\ncustomer: Dana Okafor\n\n" + body)
        #expect(Set(found) == Set(expected), "found \(found.map(\.rawValue))")
    }

    /// RP0106 says what it found and what the trainee will see instead; the text is kept sanitised.
    @Test(arguments: [
        ("a \u{1B}[31mred\u{1B}[0m word", "this text has a control character, which will not be shown"),
        ("a bell\u{7}", "this text has a control character, which will be shown as <U+0007>"),
        (
            "a \u{202E}reversed word",
            "this text has a character that changes the direction of text, which will be shown as <U+202E>"
        ),
        ("left\u{200E}mark", "this text has a character that changes the direction of text, which will be shown as <U+200E>"),
        ("zero\u{200B}width", "this text has an invisible character, which will be shown as <U+200B>"),
        ("pay\u{200D}pal", "this text has an invisible character, which will be shown as <U+200D>"),
        ("two\u{2028}lines", "this text has a line separator (<U+2028>), which will be shown as a space"),
    ])
    func controlAndInvisibleCharactersAreReported(text: String, message: String) throws {
        let result = check("title: T\ncustomer: Dana Okafor\n\n== start\nDana: \(text)\nend good: ok\n")
        let found = result.diagnostics.filter { $0.code == .controlCharacter }
        #expect(found.map(\.message) == [message])
        let scenario = try #require(result.scenario)
        guard case .show(let line) = scenario.nodes[0].steps[0].action else { Issue.record("not a line"); return }
        #expect(line.text.string == Sanitizer.clean(text))
    }

    /// Joiners inside emoji and inside words of scripts that use them are writing, not tricks.
    @Test func joinedEmojiAndWordsAreNotReported() throws {
        let text = "👩\u{200D}💻 می\u{200C}خواهم ❤\u{FE0F}"
        let result = check("title: T\ncustomer: Dana Okafor\n\n== start\nDana: \(text)\nend good: ok\n")
        #expect(result.diagnostics.isEmpty)
        let scenario = try #require(result.scenario)
        guard case .show(let line) = scenario.nodes[0].steps[0].action else { Issue.record("not a line"); return }
        #expect(line.text.string == text)
    }

    @Test(arguments: [
        ("title: T\n== start\nend good: ok\n", [DiagnosticCode.missingCustomer]),
        ("customer: C\n== start\nend good: ok\n", [.missingTitle]),
        ("title: T\ncustomer: C\ntitle: U\n== start\nend good: ok\n", [.duplicateHeaderKey]),
        ("title: T\ncustomer: C\nchanel: phone\n== start\nend good: ok\n", [.unknownHeaderKey]),
        ("title: T\ncustomer: C\nchannel: fax\n== start\nend good: ok\n", [.invalidHeaderValue]),
        ("title: T\ncustomer: C\nstate: p = 9 (0..5)\n== start\nend good: ok\n", [.outOfBounds]),
        ("title: T\ncustomer: C\nstate: p == 3\n== start\nend good: ok\n", [.malformedNumber]),
        ("title: T\ncustomer: C\nstate: p = 1, p = 2\n== start\n[if p > 0] Hi\nend good: ok\n", [.duplicateVariable]),
        ("title: T\ncustomer: C\nstate: p = 1\n== start\nend good: ok\n", [.variableNeverRead]),
        ("title: T\ncustomer: C\nstate: p = 1\n== start\n[if p] Hi\nend good: ok\n", [.typeMismatch]),
        ("title: T\ncustomer: C\nstate: f = false\n== start\n[if f > 1] Hi\nend good: ok\n", [.typeMismatch]),
        ("title: T\ncustomer: C\nstate: p = 1 (0..2)\n== start\nset: p = 5\n[if p > 0] Hi\nend good: ok\n", [.outOfBounds]),
        ("title: T\ncustomer: C\nstate: p = x\n== start\nend good: ok\n", [.malformedNumber]),
        ("title: T\ncustomer: C\nstate: p = 1 (0..)\n== start\n[if p > 0] Hi\nend good: ok\n", [.malformedState]),
        ("title: T\ncustomer: C\ndimensions: respect, care\n== start\n* x\n  score: respect 1\n  coach: c\n  -> e\n== e\nend good: ok\n", [.dimensionNeverScored]),
        ("title: T\ncustomer: C\nhello there\n== start\nend good: ok\n", [.textBeforeFirstNode]),
        ("title: T\ncustomer: C\n", [.noNodes]),
    ])
    func reportsHeaderProblems(text: String, expected: [DiagnosticCode]) {
        let found = codes(text)
        #expect(Set(found) == Set(expected), "found \(found.map(\.rawValue))")
    }

    /// With two cast names equally close to a misspelt speaker, the suggestion must not depend on a
    /// dictionary's order, which changes from one run to the next: the first in alphabetical order.
    @Test func speakerSuggestionsBreakTiesTheSameWayEveryTime() {
        let result = check(
            """
            title: Tie
            customer: Ann
            cast: Amy, Abe
            == start
            Amn: Hello.
            end good: Done.
            """)
        let fixes = result.diagnostics.filter { $0.code == .unknownSpeaker }.map { $0.fixIt?.replacement }
        #expect(fixes == ["Amy"])
    }

    @Test func notUTF8AndEmptyFiles() {
        let latin1 = SourceFile(name: "t", bytes: Array("title: Caf".utf8) + [0xE9] + Array("\n".utf8))
        let result = Checker.check(latin1)
        #expect(result.diagnostics.map(\.code) == [.notUTF8])
        #expect(result.diagnostics[0].range.start.line == 1)
        #expect(result.diagnostics[0].range.start.column == 11)
        #expect(codes("") == [.emptyFile])
        #expect(codes("\n  \n// only a comment\n") == [.emptyFile])
    }

    @Test func reportsEveryProblemInOneRun() {
        let result = check(
            """
            title: T
            customer: Dana
            sumary: oops

            == start
            coch: hi
            * Hi
              score: empaty +1
              -> lookup
            """)
        let found = Set(result.diagnostics.map(\.code))
        #expect(found.isSuperset(of: [.unknownHeaderKey, .unknownKeyword, .unknownDimension, .undefinedNode, .missingCoachNote]))
        #expect(result.scenario == nil)
    }

    @Test func suggestsTheNearestName() {
        let result = check("title: T\ncustomer: C\n== start\n-> look-upp\n== look-up\nend good: ok\n")
        let diagnostic = result.diagnostics.first { $0.code == .undefinedNode }
        #expect(diagnostic?.fixIt?.replacement == "look-up")
        #expect(diagnostic?.range.start.line == 4)
        #expect(diagnostic?.range.start.column == 4)
    }

    @Test func conditionsResolveToIndices() throws {
        let scenario = try #require(
            check(
                """
                title: T
                customer: C
                state: p = 3 (0..5), angry = false
                == start
                [if p <= 1 and not angry] Calm.
                [if visited start or promised cb] -> e
                * Promise
                  promise cb: call back
                  coach: c
                  -> e
                == e
                keep: cb
                end good: ok
                """
            ).scenario)
        #expect(scenario.variables.map(\.name) == ["p", "angry"])
        #expect(scenario.variables[0].kind == .integer(0...5))
        #expect(scenario.promises.map(\.name) == ["cb"])
        let first = scenario.nodes[0].steps[0].condition
        #expect(first == .and(.compare(.variable(0), .lessOrEqual, .constant(1)), .not(.flag(1))))
    }

    @Test func textIsSanitised() throws {
        let result = check("title: T\u{1B}]0;evil\u{07}\ncustomer: C\n== start\nend good: ok\n")
        #expect(result.scenario?.title == "T")
    }

    /// Huge and broken input must give diagnostics or success, never a crash or a hang.
    @Test func survivesHostileInput() {
        var junk = [UInt8]()
        var seed: UInt64 = 42
        for _ in 0..<200_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            junk.append(UInt8(truncatingIfNeeded: seed >> 33))
        }
        #expect(Checker.check(SourceFile(name: "junk", bytes: junk)).diagnostics.hasErrors)

        let asciiJunk = junk.map { 32 + $0 % 95 } + [10]
        #expect(Checker.check(SourceFile(name: "junk", bytes: asciiJunk)).diagnostics.hasErrors)

        // A line past the limit is refused without being read; one just inside is read whole.
        let longLine = "title: T\ncustomer: C\n== start\n" + String(repeating: "Dana: la ", count: 120_000) + "\nend good: ok\n"
        #expect(check(longLine).diagnostics.map(\.code) == [.beyondLimit])
        let longestLine = "title: T\ncustomer: C\n== start\nDana: " + String(repeating: "la ", count: 1_330) + "\nend good: ok\n"
        #expect(check(longestLine).scenario != nil)

        let longScores = "title: T\ncustomer: C\n== start\n* x\n  coach: c\n  score: "
            + String(repeating: "nope +1, ", count: 440) + "respect +1\n  -> start\n"
        #expect(check(longScores).diagnostics.count > 440)
    }

    @Test func manyNodes() {
        var text = "title: T\ncustomer: C\n"
        for index in 0..<(ScenarioLimits.nodes - 1) {
            text += "== n\(index)\n* go on\n  coach: c\(index)\n  -> n\(index + 1)\n"
        }
        text += "== n\(ScenarioLimits.nodes - 1)\nend good: ok\n"
        let result = check(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.scenario?.nodes.count == ScenarioLimits.nodes)
    }
}
