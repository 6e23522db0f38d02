import Foundation
import RapportLanguage
import Testing

@Suite struct ScenarioTextTests {
    /// The scenario's texts, as the checker made them from the file.
    static func texts(of source: String) -> [ScenarioText] {
        guard let scenario = check(source).scenario else { return [] }
        var texts: [ScenarioText] = []
        for node in scenario.nodes {
            for step in node.steps {
                if case .show(let line) = step.action { texts.append(line.text) }
                if case .end(let ending) = step.action { texts.append(ending.summary) }
            }
            for choice in node.choices { texts += [choice.text] + (choice.coach.map { [$0] } ?? []) }
        }
        return texts
    }

    @Test func aCheckedScenarioHasTheFileTextsAsWritten() {
        #expect(
            Self.texts(of: minimal).map(\.string) == [
                "Hello?", "Hello Dana, how can I help?", "Greet by name.", "What's your account number?",
                "Number before person.", "Fine.",
            ])
    }

    /// A text that sanitising changes has bytes of its own; the others are the file's. Both kinds
    /// compare, hash and print by their characters alone.
    @Test(arguments: ["Hello?", "café 日本 👋🏽", ""])
    func equalByCharactersWhereverTheBytesAre(_ text: String) {
        let fromFile = Self.texts(of: minimal.replacingOccurrences(of: "Dana: Hello?", with: "Dana: \(text)"))[0]
        let own = ScenarioText(text)
        #expect(fromFile == own)
        #expect(fromFile.hashValue == own.hashValue)
        #expect(Set([fromFile, own]).count == 1)
        #expect("\(fromFile)" == text)
        #expect(fromFile.utf8Count == text.utf8.count)
        #expect(fromFile.isEmpty == text.isEmpty)
        #expect(fromFile != ScenarioText(text + "!"))
    }

    @Test func sanitisedTextsKeepOnlyWhatIsShown() {
        let texts = Self.texts(of: minimal.replacingOccurrences(of: "Dana: Hello?", with: "Dana: Hel\u{1B}[31mlo?"))
        #expect(texts[0] == "Hello?")
        #expect(texts[1] == "Hello Dana, how can I help?")
    }

    /// Records of play keep texts as plain JSON strings, as when they were `String`s.
    @Test func encodesAsAPlainString() throws {
        let text = Self.texts(of: minimal)[1]
        let data = try JSONEncoder().encode([text])
        #expect(String(decoding: data, as: UTF8.self) == #"["Hello Dana, how can I help?"]"#)
        #expect(try JSONDecoder().decode([ScenarioText].self, from: data) == [text])
    }

    /// By bytes, not by `String`'s canonical equivalence.
    @Test func differentlyComposedAccentsAreDifferentTexts() {
        #expect(ScenarioText("caf\u{E9}") != ScenarioText("cafe\u{301}"))
        #expect("caf\u{E9}" == "cafe\u{301}")
    }
}
