import Foundation
import RapportLanguage

extension FileHandle {
    /// Text as UTF-8, exactly as given: for text made safe already, such as `DiagnosticPrinter`'s.
    func write(_ text: String) { write(Data(text.utf8)) }

    /// How a command says on standard error what stopped it: `rapport: ` and the message. Messages
    /// quote paths, arguments, ids and errors from outside, so each line is sanitised; the
    /// message's own line breaks stay.
    func report(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.clean(String($0)) }
        write("rapport: " + lines.joined(separator: "\n") + "\n")
    }
}
