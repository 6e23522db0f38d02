import Foundation

/// One message between a facilitator's console (`rapport facilitate --console`) and the room's
/// `rapport facilitate`, over a local socket: a line of JSON each way (docs/console-protocol.md).
/// Only the fields a message needs are set.
public struct ConsoleMessage: Codable, Equatable, Sendable {
    /// Room to console, first on every connection: the session and its scenario's title.
    public var session: String?
    public var scenario: String?
    /// Console to room, first: the console terminal's width, whether it shows colour, and whether
    /// text is wanted plain (no boxes or rules, for a screen reader).
    public var width: Int?
    public var colour: Bool?
    public var plain: Bool?
    /// Console to room: a line the facilitator typed, done as if typed at the room's prompt.
    public var line: String?
    /// Room to console: text to show, laid out for the console.
    public var text: String?
    /// Room to console: the prompt the room waits at now.
    public var prompt: String?
    /// Room to console: the connection ends (the session is over, or another console is connected),
    /// and why.
    public var closed: String?

    public init(
        session: String? = nil, scenario: String? = nil, width: Int? = nil, colour: Bool? = nil, plain: Bool? = nil,
        line: String? = nil,
        text: String? = nil, prompt: String? = nil, closed: String? = nil
    ) {
        self.session = session
        self.scenario = scenario
        self.width = width
        self.colour = colour
        self.plain = plain
        self.line = line
        self.text = text
        self.prompt = prompt
        self.closed = closed
    }

    /// The longest message either end reads; a longer one ends the connection. Room text is at most a
    /// screenful or a pane, well under this.
    public static let maximumBytes = 1 << 20

    /// The message as one line of JSON (JSON escapes every newline inside strings).
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Array((try? encoder.encode(self)) ?? Data("{}".utf8)) + [UInt8(ascii: "\n")]
    }

    public static func decoded(_ line: [UInt8]) -> ConsoleMessage? {
        try? JSONDecoder().decode(ConsoleMessage.self, from: Data(line))
    }
}
