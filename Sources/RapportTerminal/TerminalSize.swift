#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's width and height, asked afresh each time so a resize is seen at the next screen.
public enum TerminalSize {
    public static func columns(fileDescriptor: Int32 = 1, environment: [String: String]) -> Int? {
        if let size = windowSize(fileDescriptor), size.ws_col > 0 { return Int(size.ws_col) }
        return positiveNumber(environment["COLUMNS"])
    }

    public static func rows(fileDescriptor: Int32 = 1, environment: [String: String]) -> Int? {
        if let size = windowSize(fileDescriptor), size.ws_row > 0 { return Int(size.ws_row) }
        return positiveNumber(environment["LINES"])
    }

    private static func windowSize(_ fileDescriptor: Int32) -> winsize? {
        var size = winsize()
        return ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0 ? size : nil
    }

    private static func positiveNumber(_ text: String?) -> Int? {
        guard let text, let number = Int(text), number > 0 else { return nil }
        return number
    }
}
