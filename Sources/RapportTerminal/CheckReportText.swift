import RapportLanguage

/// The text `rapport check` prints: every problem of every file, as a compiler would, then one line
/// that counts them.
public enum CheckReportText {
    /// - Parameter notes: lines said before the count (`check --watch`: how each scenario's walks went).
    public static func format(
        _ files: [(source: SourceFile, diagnostics: [Diagnostic])], notes: [String] = [], colour: Bool
    ) -> String {
        let printer = DiagnosticPrinter(colour: colour)
        var output = ""
        for file in files {
            let shown = Array(file.diagnostics.prefix(ScenarioLimits.diagnostics))
            for text in printer.format(shown, sources: [file.source]) { output += text + "\n" }
            output += omitted(file.diagnostics, in: file.source.name)
        }
        let errors = files.reduce(0) { $0 + $1.diagnostics.errorCount }
        let warnings = files.reduce(0) { $0 + $1.diagnostics.warningCount }
        for note in notes { output += note + "\n" }
        return output + summary(fileCount: files.count, errors: errors, warnings: warnings) + "\n"
    }

    /// What was left out of a file with more problems than are printed (`ScenarioLimits.diagnostics`):
    /// the first ones are usually the cause of the rest.
    public static func omitted(_ diagnostics: [Diagnostic], in file: String) -> String {
        let rest = Array(diagnostics.dropFirst(ScenarioLimits.diagnostics))
        guard !rest.isEmpty else { return "" }
        return "\(Sanitizer.clean(file)): \(plural(rest.count, "more problem")) not shown (\(plural(rest.errorCount, "error")) and \(plural(rest.warningCount, "warning"))); fix the ones above first, or see them all with --format json\n\n"
    }

    static func summary(fileCount: Int, errors: Int, warnings: Int) -> String {
        let checked = plural(fileCount, "file")
        if errors == 0 && warnings == 0 { return "Checked \(checked): no problems found." }
        return "Checked \(checked): \(plural(errors, "error")) and \(plural(warnings, "warning"))."
    }

    /// What `check --watch` prints when a file is saved: what was fixed (one line each), what is new
    /// (in full), and the count now. A new file is shown whole. `walked`: a tests file not saved
    /// itself, whose walks were run again because its scenario was.
    public static func changes(
        _ changes: DiagnosticChanges, in source: SourceFile, now diagnostics: [Diagnostic], isNew: Bool, walked: Bool = false,
        colour: Bool
    ) -> String {
        let printer = DiagnosticPrinter(colour: colour)
        let name = Sanitizer.clean(source.name)
        let count = "\(plural(diagnostics.errorCount, "error")) and \(plural(diagnostics.warningCount, "warning"))"
        var out = "\n"
        if isNew {
            out += "\(name) is new: \(diagnostics.isEmpty ? "no problems found" : count)\n"
        } else if changes.isEmpty {
            return out + "\(name) \(walked ? "walked again" : "saved"): no change (\(diagnostics.isEmpty ? "no problems" : count))\n"
        } else {
            var what: [String] = []
            if !changes.fixed.isEmpty { what.append("\(changes.fixed.count) fixed") }
            if !changes.new.isEmpty { what.append("\(changes.new.count) new") }
            out += "\(name) \(walked ? "walked again" : "saved"): \(what.joined(separator: ", ")); now \(diagnostics.isEmpty ? "no problems" : count)\n"
        }
        for fixed in changes.fixed {
            let start = fixed.range.start
            out += "  fixed: \(name):\(start.line):\(start.column): \(fixed.severity.rawValue)[\(fixed.code.rawValue)]: \(Sanitizer.clean(fixed.message))\n"
        }
        let shown = changes.new.prefix(ScenarioLimits.diagnostics)
        if !shown.isEmpty { out += "\n" }
        for diagnostic in shown { out += printer.format(diagnostic, source: source) + "\n" }
        return out + omitted(changes.new, in: source.name)
    }
}
