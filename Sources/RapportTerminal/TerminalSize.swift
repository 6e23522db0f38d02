#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's width and height, asked afresh each time so a resize is seen at the next screen.
public enum TerminalSize {
    public static func columns(fileDescriptor: Int32 = 1, environment: [String: String]) -> Int? {
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return nil
    }

    public static func rows(fileDescriptor: Int32 = 1, environment: [String: String]) -> Int? {
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        if let text = environment["LINES"], let rows = Int(text), rows > 0 { return rows }
        return nil
    }
}
