/// How serious a diagnostic is. Errors stop a scenario from being played; warnings do not, unless the
/// writer asks for `--strict`.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// A suggested edit: replace the text in `range` with `replacement`.
public struct FixIt: Sendable, Hashable, Codable {
    public let range: SourceRange
    public let replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// One problem found in a scenario (or a walkthrough test file), as data. Printing is the job of
/// `DiagnosticPrinter`, so editors and scripts can have the same facts as JSON.
public struct Diagnostic: Sendable, Hashable, Codable {
    public let code: DiagnosticCode
    public let severity: Severity
    /// What is wrong, in one sentence.
    public let message: String
    public let file: String
    public let range: SourceRange
    /// How to fix it, or more context, in plain words.
    public let note: String?
    public let fixIt: FixIt?

    public init(
        _ code: DiagnosticCode, _ message: String, file: String, range: SourceRange,
        note: String? = nil, fixIt: FixIt? = nil, severity: Severity? = nil
    ) {
        self.code = code
        self.severity = severity ?? code.severity
        self.message = message
        self.file = file
        self.range = range
        self.note = note
        self.fixIt = fixIt
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }

    /// In file order, errors before warnings at the same place, so output is stable.
    public func sortedBySource() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if a.element.file != b.element.file { return a.element.file < b.element.file }
            if a.element.range.start != b.element.range.start {
                return a.element.range.start < b.element.range.start
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
