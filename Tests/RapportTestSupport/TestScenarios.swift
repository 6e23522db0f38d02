import Foundation
import RapportLanguage
import Testing

/// A scenario written in a test, checked; the test stops if it has errors.
public func checked(_ text: String) throws -> CheckedScenario {
    let result = Checker.check(SourceFile(name: "t.scenario", text: text))
    return try #require(result.scenario, "\(result.diagnostics.map(\.message))")
}

/// `Tests/Fixtures/NAME.scenario`, checked. Tests of whole runs play these rather than the bundled
/// scenarios, which writers edit: a fixture holds still, so its golden files change only when the
/// program does.
public func fixture(_ name: String) throws -> CheckedScenario {
    let path = "Tests/Fixtures/\(name).scenario"
    let source = SourceFile(name: path, bytes: [UInt8](try Data(contentsOf: Repository.url(path))))
    let result = Checker.check(source)
    return try #require(result.scenario, "\(path): \(result.diagnostics.map(\.message))")
}
