/// The result of checking a file: every diagnostic, and the checked scenario when there were no errors.
public struct CheckResult: Sendable {
    public let diagnostics: [Diagnostic]
    public let scenario: CheckedScenario?
}

/// Checks a scenario file: parses it into one syntax tree, then runs the passes over that tree in
/// order, each in a file of its own. A pass reads the tree and what the passes before it found,
/// reports its problems to the one `DiagnosticLog`, and hands on what it found. Nothing is checked
/// twice: to change a rule, change the pass that owns it.
public enum Checker {
    public static let defaultDimensions = ["respect", "ownership", "empathy", "follow-through"]

    /// Parses and checks a file in one call.
    public static func check(_ source: SourceFile) -> CheckResult {
        var log = DiagnosticLog(source: source)
        let syntax = Parser.parse(source, log: &log)
        // Nothing more can be said about a file that is too large to read, not text, or empty.
        if source.bytes.count > ScenarioLimits.fileSize || log.contains(anyOf: [.notUTF8, .emptyFile]) {
            return CheckResult(diagnostics: log.diagnostics, scenario: nil)
        }
        // The header's keys and values, and what it declares: state, dimensions, cast, promise scoring.
        let declared = HeaderPass.run(syntax.header, log: &log)
        // The names the body defines: nodes, and promises where they are made.
        let names = NamePass.run(syntax.nodes, log: &log)
        // Each node, with every name resolved, every type checked and every text sanitised.
        let (nodes, usage) = NodePass.run(syntax.nodes, declared: declared, names: names, log: &log)
        // Where the conversation can go: reachable nodes, an ending, loops without a choice.
        GraphPass.run(nodes, syntax: syntax.nodes, log: &log)
        // Warnings about what is declared and never used.
        UsagePass.run(declared: declared, names: names, usage: usage, log: &log)
        // What the writing guide asks of a scenario, as warnings.
        GuidePass.run(nodes, syntax: syntax.nodes, log: &log)
        // `// rapport: allow RPxxxx` comments: checked, then the warnings they name are left out.
        let allowances = Allowances.check(syntax.allowances, log: &log)

        let diagnostics = log.diagnostics.filter(allowances.keeps).sortedBySource()
        guard !diagnostics.hasErrors, let title = declared.title, let customer = declared.customer else {
            return CheckResult(diagnostics: diagnostics, scenario: nil)
        }
        let scenario = CheckedScenario(
            id: declared.id ?? defaultID(for: source.name), title: title, customer: customer,
            channel: declared.channel, summary: declared.summary, cast: declared.cast,
            dimensions: declared.dimensions, variables: declared.variables, meter: declared.meter,
            promises: names.promises, promiseScoring: declared.promiseScoring, nodes: nodes,
            sourceName: source.name, sourceHash: Fingerprint.of(source.bytes), allowances: allowances)
        return CheckResult(diagnostics: diagnostics, scenario: scenario)
    }

    /// The file's name without folders or extension, made into a valid id.
    static func defaultID(for path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return Parser.suggestedName(name) ?? "scenario"
    }
}
