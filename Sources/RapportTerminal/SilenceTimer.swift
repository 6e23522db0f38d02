/// When the customer fills a silence: after `seconds` with nothing typed. It counts a pause, not
/// the time since the prompt: every key typed starts the pause again (the customer does not speak
/// over someone who is typing), and so does coming back from a suspension (Ctrl-Z and `fg`, or a
/// stopped process continued), so time spent stopped never counts. Times are seconds on any
/// monotonic clock; the reader passes its own, tests their own.
public struct SilenceTimer: Sendable, Equatable {
    public let seconds: Double
    /// When the current pause began.
    public private(set) var pauseStarted: Double

    public init(seconds: Double, startingAt now: Double) {
        self.seconds = seconds
        pauseStarted = now
    }

    /// A key was typed.
    public mutating func typed(at now: Double) { pauseStarted = max(pauseStarted, now) }

    /// The program was stopped and has been continued: the pause starts again.
    public mutating func resumed(at now: Double) { pauseStarted = max(pauseStarted, now) }

    /// Seconds left before the customer speaks; zero or less means now.
    public func remaining(at now: Double) -> Double { pauseStarted + seconds - now }
}
