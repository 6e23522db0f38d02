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
    /// Source lines longer than this are shown as a window around the problem.
    public var maximumLineWidth = 100

    public init(colour: Bool) {
        self.colour = colour
    }

    func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    public func format(_ diagnostic: Diagnostic, source: SourceFile?) -> String {
        let start = diagnostic.range.start
        let severity = diagnostic.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
        var output = paint("\(diagnostic.file):\(start.line):\(start.column):", "1")
        output += " \(severity)\(paint("[\(diagnostic.code.rawValue)]", diagnostic.severity == .error ? "1;31" : "1;33")): "
        output += paint(Sanitizer.clean(diagnostic.message), "1") + "\n"
        let gutterWidth = String(start.line).count + 1
        let blank = String(repeating: " ", count: gutterWidth)
        if let source, start.line <= source.lineStarts.count, start.offset < source.bytes.count || start.column > 1 {
            let (shown, caretColumn, caretWidth) = window(
                of: source.lineText(start.line), from: start.column,
                length: diagnostic.range.end.line == start.line ? max(1, diagnostic.range.end.column - start.column) : 1)
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

    /// The source line made safe to print (no control characters, tabs as spaces), cut to a window
    /// around the problem when it is long; and where the caret goes, in display columns.
    func window(of line: String, from column: Int, length: Int) -> (String, Int, Int) {
        // Control characters are removed before printing; on such a line the caret may sit a little
        // to the right of the problem, which is better than echoing an escape sequence.
        let scalars = Array(Sanitizer.clean(line).unicodeScalars)
        let startIndex = max(0, min(scalars.count, column - 1))
        var from = 0
        var to = scalars.count
        if scalars.count > maximumLineWidth {
            from = max(0, startIndex - maximumLineWidth / 3)
            to = min(scalars.count, from + maximumLineWidth)
        }
        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        let prefix = from > 0 ? "…" : ""
        let suffix = to < scalars.count ? "…" : ""
        let shown = prefix + text(from..<to) + suffix
        let caretColumn = DisplayWidth.of(prefix) + DisplayWidth.of(text(from..<min(max(from, startIndex), to)))
        let caretEnd = min(to, startIndex + length)
        let caretWidth = max(1, DisplayWidth.of(text(min(startIndex, to)..<max(min(startIndex, to), caretEnd))))
        return (shown, caretColumn, min(caretWidth, maximumLineWidth))
    }
}
