/// Comments that turn warnings off: `// rapport: allow RP0110` (several codes separated by commas).
/// At the end of a line it covers that line; on a line of its own, the whole file. The parser reads
/// them (`readAllowance`); `Allowances` decides which diagnostics they remove. Only warnings can be
/// turned off: an error means the scenario cannot be played as written.
extension Parser {
    /// Reads a comment's text (after `//`) as an allowance when it starts with `rapport:`.
    mutating func readAllowance(_ comment: Span, line: Int?) {
        let text = source.string(comment)
        guard text.lowercased().hasPrefix("rapport:") else { return }
        var index = comment.start + "rapport:".utf8.count
        let bytes = source.bytes
        while index < comment.end, ASCII.isSpace(bytes[index]) { index += 1 }
        guard source.starts(Span(index, comment.end), with: "allow") else {
            report(
                .unusableAllowance, "Rapport cannot read this 'rapport:' comment", comment,
                note: "to turn a warning off, write '// rapport: allow RP0110' with the warning's code")
            return
        }
        index += "allow".utf8.count
        var codes: [NameSyntax] = []
        while index < comment.end {
            while index < comment.end, ASCII.isSpace(bytes[index]) || bytes[index] == ASCII.comma { index += 1 }
            let start = index
            while index < comment.end, !ASCII.isSpace(bytes[index]), bytes[index] != ASCII.comma { index += 1 }
            if index > start { codes.append(source.name(Span(start, index))) }
        }
        if codes.isEmpty {
            report(
                .unusableAllowance, "this comment allows nothing", comment,
                note: "name the warning to turn off: '// rapport: allow RP0110'")
            return
        }
        syntax.allowances.append(AllowSyntax(codes: codes, line: line))
    }
}

/// The warnings a scenario's `// rapport: allow` comments turn off, by line and for the whole file.
/// The checker removes its own; the analysis, which reports what exploring finds, removes its own
/// with the same allowances, kept in the checked scenario.
public struct Allowances: Sendable, Hashable {
    var everywhere: Set<DiagnosticCode> = []
    var byLine: [Int: Set<DiagnosticCode>] = [:]

    public static let none = Allowances()

    /// Whether the diagnostic stays: an error always does; a warning unless it is allowed on its
    /// line or in the whole file.
    public func keeps(_ diagnostic: Diagnostic) -> Bool {
        guard diagnostic.severity == .warning else { return true }
        if everywhere.contains(diagnostic.code) { return false }
        return !(byLine[diagnostic.range.start.line]?.contains(diagnostic.code) ?? false)
    }

    /// The codes the comments name, each checked: one that is not a code, or is an error's, is
    /// reported (`RP0113`) and allows nothing.
    static func check(_ comments: [AllowSyntax], log: inout DiagnosticLog) -> Allowances {
        var allowances = Allowances()
        let warnings = DiagnosticCode.allCases.filter { $0.severity == .warning }.map(\.rawValue)
        for comment in comments {
            for name in comment.codes {
                guard let code = DiagnosticCode(rawValue: name.text.uppercased()) else {
                    log.report(
                        .unusableAllowance, "'\(name.text)' is not one of Rapport's codes", name.span,
                        note: "name a warning by its code, as printed in brackets: '// rapport: allow RP0110'",
                        fix: Suggestions.closest(to: name.text, among: warnings))
                    continue
                }
                guard code.severity == .warning else {
                    log.report(
                        .unusableAllowance, "\(code.rawValue) is an error, and an error cannot be turned off", name.span,
                        note: "only warnings can be allowed; fix what \(code.rawValue) reports (see docs/diagnostics.md)")
                    continue
                }
                if let line = comment.line {
                    allowances.byLine[line, default: []].insert(code)
                } else {
                    allowances.everywhere.insert(code)
                }
            }
        }
        return allowances
    }
}
