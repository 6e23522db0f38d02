/// The problems found in one file, in the order they were found. The parser and every pass of the
/// checker make their diagnostics here, and only here: from a code, a message, the span of the file
/// it points at, and optionally a note and a replacement for that span.
struct DiagnosticLog {
    let source: SourceFile
    private(set) var diagnostics: [Diagnostic] = []
    /// "Did you mean" comparisons left: a suggestion among N names costs N. The budget keeps a file
    /// with a great many misspelt names linear to check; it is spent in the order problems are found.
    private var suggestionBudget = 2_000_000

    init(source: SourceFile) {
        self.source = source
    }

    mutating func report(
        _ code: DiagnosticCode, _ message: String, _ span: Span, note: String? = nil, fix: String? = nil
    ) {
        let range = source.range(span)
        diagnostics.append(
            Diagnostic(
                code, message, file: source.name, range: range, note: note,
                fixIt: fix.map { FixIt(range: range, replacement: $0) }))
    }

    /// Reports a name that is none of `names`, offering the closest of them as the fix, with
    /// `noteIfFound` as the note when there is one (it can then say something different).
    mutating func report(
        _ code: DiagnosticCode, _ message: String, _ span: Span, note: String,
        suggesting word: String, among names: [String], noteIfFound: String? = nil
    ) {
        var suggestion: String?
        if suggestionBudget >= names.count {
            suggestionBudget -= names.count
            suggestion = Suggestions.closest(to: word, among: names)
        }
        report(code, message, span, note: suggestion == nil ? note : noteIfFound ?? note, fix: suggestion)
    }

    func contains(anyOf codes: Set<DiagnosticCode>) -> Bool { diagnostics.contains { codes.contains($0.code) } }

    var hasErrors: Bool { diagnostics.hasErrors }
}
