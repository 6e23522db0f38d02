import RapportLanguage

/// The text `rapport check` prints: every problem of every file, as a compiler would, then one line
/// that counts them.
public enum CheckReportText {
    public static func format(_ files: [(source: SourceFile, diagnostics: [Diagnostic])], colour: Bool) -> String {
        let printer = DiagnosticPrinter(colour: colour)
        var output = ""
        for file in files {
            for text in printer.format(file.diagnostics, sources: [file.source]) { output += text + "\n" }
        }
        let errors = files.reduce(0) { $0 + $1.diagnostics.errorCount }
        let warnings = files.reduce(0) { $0 + $1.diagnostics.warningCount }
        return output + summary(fileCount: files.count, errors: errors, warnings: warnings) + "\n"
    }

    static func summary(fileCount: Int, errors: Int, warnings: Int) -> String {
        let checked = plural(fileCount, "file")
        if errors == 0 && warnings == 0 { return "Checked \(checked): no problems found." }
        return "Checked \(checked): \(plural(errors, "error")) and \(plural(warnings, "warning"))."
    }
}
