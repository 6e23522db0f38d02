import RapportLanguage

/// The facilitator's console (`rapport facilitate --console`), in a second terminal or on the
/// laptop's own screen while the projector shows the room's: every line typed here is done in the
/// room's session as if typed at its prompt, and what answers it (help, coach notes, messages) is
/// shown here and never on the room's screen. The room also sends, at each new decision, its coach
/// notes. Ctrl-D closes the console; the room's session goes on.
///
/// The room's text is shown as it comes: it was cleaned of control characters by the room, which
/// is another Rapport of the same user reached through a folder only they can enter. The prompt is
/// cleaned again, being short and drawn by readline.
public struct ConsoleClient<Reader: LineReader, Output: TextOutput> {
    let room: ConsoleFolder.Room
    public var reader: Reader
    public var output: Output
    var prompt = "> "

    public enum Outcome: Equatable {
        /// The room turned the console away (another is connected), and why.
        case refused(String)
        /// The room ended the session; the reason was shown.
        case roomClosed
        /// The facilitator closed the console.
        case left
        case stopped
    }

    public init(room: ConsoleFolder.Room, reader: Reader, output: Output) {
        self.room = room
        self.reader = reader
        self.output = output
    }

    public mutating func run(width: Int, colour: Bool, plain: Bool) -> Outcome {
        if let refusal = room.greeting.closed { return .refused(Sanitizer.clean(refusal)) }
        guard room.socket.send(ConsoleMessage(width: width, colour: colour, plain: plain)) else { return roomGone() }
        while true {
            guard showArrived() else { return roomGone() }
            if let closed = closedReason { return welcomed ? roomClosed(closed) : .refused(Sanitizer.clean(closed)) }
            reader.watch([room.socket.descriptor])
            switch reader.read(prompt: prompt, silenceAfter: nil) {
            case .line(let text):
                guard room.socket.send(ConsoleMessage(line: text)) else { return roomGone() }
            case .ready, .silence:
                continue
            case .rejected(let reason):
                output.write(reason + "\n")
            case .interrupt:
                output.write("Ctrl-D closes the console; the room's session goes on.\n")
            case .endOfInput:
                // A script's last lines are answered before the console goes.
                while closedReason == nil, let message = room.socket.next(within: 500) { show(message) }
                if let closed = closedReason { return roomClosed(closed) }
                output.write("The console is closed; the room's session goes on.\n")
                return .left
            case .terminate:
                return .stopped
            }
        }
    }

    var closedReason: String?

    /// Shows what the room has sent; false when the connection has ended.
    mutating func showArrived() -> Bool {
        guard let messages = room.socket.receive() else { return closedReason != nil }
        for message in messages { show(message) }
        return true
    }

    /// Whether the room has shown anything here: a connection closed before is one turned away.
    var welcomed = false

    mutating func show(_ message: ConsoleMessage) {
        if let text = message.text {
            output.write(text)
            welcomed = true
        }
        if let prompt = message.prompt { self.prompt = Sanitizer.clean(String(prompt.prefix(40))) }
        if let closed = message.closed { closedReason = closed }
    }

    mutating func roomClosed(_ reason: String) -> Outcome {
        output.write(Sanitizer.clean(reason) + "\n")
        return .roomClosed
    }

    mutating func roomGone() -> Outcome {
        output.write("The room's Rapport has gone: the console is closed.\n")
        return .roomClosed
    }
}
