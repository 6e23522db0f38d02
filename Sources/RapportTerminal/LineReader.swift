/// What came back from asking for a line.
public enum LineEvent: Sendable, Equatable {
    case line(String)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Ctrl-C.
    case interrupt
    /// The silence timer ran out; anything half-typed is kept for the next read.
    case silence
    /// A descriptor given to `watch` can be read (a facilitator's console said something); anything
    /// half-typed is kept for the next read, as after a silence.
    case ready
    /// SIGTERM or SIGHUP: restore the terminal and leave.
    case terminate
    /// A line that cannot be used (too long, not UTF-8); the reason is for the user.
    case rejected(String)
}

/// The small protocol between the screens and the keyboard, so tests can drive whole sessions with
/// scripted input, and pipes work without readline.
public protocol LineReader {
    /// Reads one line after showing `prompt`. With `silenceAfter`, returns `.silence` if nothing is
    /// entered for that many seconds (readers that cannot time out ignore it).
    mutating func read(prompt: String, silenceAfter seconds: Int?) -> LineEvent
    /// Offers these words for tab completion from now on (readers without completion ignore it).
    mutating func setCompletions(_ words: [String])
    /// Whether this reader can notice a silence.
    var supportsTimers: Bool { get }
    /// From now on, a read also ends with `.ready` when one of these descriptors can be read
    /// (readers that wait on nothing ignore it).
    mutating func watch(_ descriptors: [Int32])
}

extension LineReader {
    public mutating func setCompletions(_ words: [String]) {}
    public mutating func watch(_ descriptors: [Int32]) {}
    public var supportsTimers: Bool { false }
}

/// Checks a line as it arrives: a line too long to be an answer, or bytes that are not UTF-8, are
/// refused with a message rather than passed on.
public enum LineValidation {
    public static let maximumBytes = 4_096

    public static func tooLong(_ count: Int) -> LineEvent {
        .rejected("That line is too long (\(count) bytes); type a choice's number or a command such as :help.")
    }

    public static func validate(_ bytes: [UInt8]) -> LineEvent {
        if bytes.count > maximumBytes { return tooLong(bytes.count) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .rejected("That line is not valid UTF-8 text; please type it again.")
        }
        return .line(text)
    }
}

/// Lines given in advance, for tests and scripts.
public struct ScriptedLineReader: LineReader {
    public private(set) var remaining: [LineEvent]
    public private(set) var prompts: [String] = []

    public init(_ events: [LineEvent]) {
        remaining = events
    }

    public init(lines: [String]) {
        self.init(lines.map(LineEvent.line))
    }

    public var supportsTimers: Bool { true }

    public mutating func read(prompt: String, silenceAfter seconds: Int?) -> LineEvent {
        prompts.append(prompt)
        guard !remaining.isEmpty else { return .endOfInput }
        let next = remaining.removeFirst()
        // A scripted silence only counts where a timer is running, as at a real prompt.
        if next == .silence, seconds == nil { return read(prompt: prompt, silenceAfter: seconds) }
        return next
    }
}

/// Any reader, for code that picks one at run time (readline on a terminal, plain lines otherwise).
public struct AnyLineReader: LineReader {
    public private(set) var base: any LineReader

    public init(_ base: any LineReader) {
        self.base = base
    }

    public mutating func read(prompt: String, silenceAfter seconds: Int?) -> LineEvent {
        base.read(prompt: prompt, silenceAfter: seconds)
    }

    public mutating func setCompletions(_ words: [String]) { base.setCompletions(words) }

    public mutating func watch(_ descriptors: [Int32]) { base.watch(descriptors) }

    public var supportsTimers: Bool { base.supportsTimers }
}
