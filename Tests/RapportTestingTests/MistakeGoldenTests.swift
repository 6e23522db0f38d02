import Foundation
import RapportLanguage
import RapportTestSupport
import Testing

/// The mistakes a trainer made in a first scenario (issue "The trainer's toolkit"), each in a file of
/// Golden/Mistakes/ (with a `.tests` beside it for a walk's mistakes), and what Rapport now says about
/// each, in the `.txt` of the same name: named for what it is, with a "did you mean" where one can be
/// guessed, and no second message caused by the first. A mistake that is now forgiven says so there:
/// "no problems".
@Suite struct MistakeGoldenTests {
    static let golden = Golden(besides: #filePath)

    static let mistakes: [String] = {
        let folder = golden.url("Mistakes")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".scenario") }.map { String($0.dropLast(".scenario".count)) }.sorted()
    }()

    @Test func thereAreMistakesToShow() {
        #expect(Self.mistakes.count >= 10)
    }

    @Test(arguments: mistakes)
    func whatRapportSays(_ mistake: String) throws {
        let (text, _) = try DiagnosticGoldenTests.report(Self.golden, "Mistakes/\(mistake)")
        Self.golden.assertMatches(text, "Mistakes/\(mistake).txt")
    }
}
