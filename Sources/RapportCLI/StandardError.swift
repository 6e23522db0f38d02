import Foundation

extension FileHandle {
    /// Text as UTF-8: how the commands say on standard error what stopped them.
    func write(_ text: String) { write(Data(text.utf8)) }
}
