import RapportLanguage

/// The text `rapport check` prints: every problem of every file, as a compiler would, then one line
/// that counts them.
public enum CheckReportText {
    public static func format(_ files: [(source: SourceFile, diagnostics: [Diagnostic])], colour: Bool) -> String {
        let printer = DiagnosticPrinter(colour: colour)
        var output = ""
        for file in files {
            let shown = Array(file.diagnostics.prefix(ScenarioLimits.diagnostics))
            for text in printer.format(shown, sources: [file.source]) { output += text + "\n" }
            output += omitted(file.diagnostics, in: file.source.name)
        }
        let errors = files.reduce(0) { $0 + $1.diagnostics.errorCount }
        let warnings = files.reduce(0) { $0 + $1.diagnostics.warningCount }
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
}
