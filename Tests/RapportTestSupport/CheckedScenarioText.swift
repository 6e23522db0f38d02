import RapportLanguage
import Testing

/// A scenario written in a test, checked; the test stops if it has errors.
public func checked(_ text: String) throws -> CheckedScenario {
    let result = Checker.check(SourceFile(name: "t.scenario", text: text))
    return try #require(result.scenario, "\(result.diagnostics.map(\.message))")
}
