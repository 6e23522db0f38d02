/// Writes diagnostics the way compilers do:
///
///     Scenarios/x.scenario:14:6: error[RP0003]: no node named 'lookup'
///        14 |   -> lookup
///           |      ^~~~~~ did you mean 'look-up'?
///           = help: each '->' must name a node that starts with '== lookup'
///
/// The printer only makes text; whether to use colour is the caller's decision.
public struct DiagnosticPrinter: Sendable {
    public var colour: Bool
    /// Source lines wider than this many columns are shown as a window around the problem.
    public var maximumLineWidth = 100

    public init(colour: Bool) {
        self.colour = colour
    }

    func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    /// One diagnostic, quoting its line of `source`.
    public func format(_ diagnostic: Diagnostic, source: SourceFile?) -> String {
        var quoted = QuotedLines()
        return format(diagnostic, source: source, quoting: &quoted)
    }

    /// Each diagnostic, in order, quoting its line of the source whose name it gives. A line that
    /// several diagnostics point into is sanitised and laid out once, so the time is in proportion
    /// to the output, however many problems one long line has.
    public func format(_ diagnostics: [Diagnostic], sources: [SourceFile]) -> [String] {
        var quoted = QuotedLines()
        return diagnostics.map { diagnostic in
            format(diagnostic, source: sources.first { $0.name == diagnostic.file }, quoting: &quoted)
        }
    }

    /// Everything shown comes from outside (the file's name, its text, messages and notes that
    /// quote it) and is sanitised; the printer's own colours are added after.
    func format(_ diagnostic: Diagnostic, source: SourceFile?, quoting quoted: inout QuotedLines) -> String {
        let start = diagnostic.range.start
        let severity = diagnostic.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
        var output = paint("\(Sanitizer.clean(diagnostic.file)):\(start.line):\(start.column):", "1")
        output += " \(severity)\(paint("[\(diagnostic.code.rawValue)]", diagnostic.severity == .error ? "1;31" : "1;33")): "
        output += paint(Sanitizer.clean(diagnostic.message), "1") + "\n"
        let gutterWidth = String(start.line).count + 1
        let blank = String(repeating: " ", count: gutterWidth)
        if let source, start.line <= source.lineStarts.count, start.offset < source.bytes.count || start.column > 1 {
            let length = diagnostic.range.end.line == start.line ? max(1, diagnostic.range.end.column - start.column) : 1
            let (shown, caretColumn, caretWidth) = quoted.line(start.line, of: source)
                .window(from: start.column, length: length, maximumWidth: maximumLineWidth)
            output += paint(String(start.line).leftPadded(gutterWidth) + " |", "36") + " " + shown + "\n"
            var caret = String(repeating: " ", count: caretColumn) + "^"
            if caretWidth > 1 { caret += String(repeating: "~", count: caretWidth - 1) }
            var marker = paint(blank + " |", "36") + " " + paint(caret, "1;32")
            if let fix = diagnostic.fixIt {
                marker += " " + paint("did you mean '\(Sanitizer.clean(fix.replacement))'?", "32")
            }
            output += marker + "\n"
        } else if let fix = diagnostic.fixIt {
            output += paint(blank + " =", "36") + " did you mean '\(Sanitizer.clean(fix.replacement))'?\n"
        }
        if let note = diagnostic.note {
            output += paint(blank + " = ", "36") + paint("help:", "1") + " " + Sanitizer.clean(note) + "\n"
        }
        return output
    }
}
