#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the terminal we are writing to can take: colour only on a terminal, never with `NO_COLOR`
/// (https://no-color.org) or `TERM=dumb`.
public struct OutputStyle: Sendable, Equatable {
    public var colour: Bool
    public var isTerminal: Bool

    public init(colour: Bool, isTerminal: Bool) {
        self.colour = colour
        self.isTerminal = isTerminal
    }

    /// Decides from the environment and whether the file descriptor is a terminal.
    public static func detect(fileDescriptor: Int32 = 1, environment: [String: String]) -> OutputStyle {
        let terminal = isatty(fileDescriptor) == 1
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return OutputStyle(colour: terminal && !noColour && !dumb, isTerminal: terminal)
    }

    public static let plain = OutputStyle(colour: false, isTerminal: false)
}
