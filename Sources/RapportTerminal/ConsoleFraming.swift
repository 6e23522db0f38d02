/// Splits the bytes read from a connection into messages, one per line. The other end is another
/// Rapport of the same user, but what it sends is still checked: a line that is not a message, or
/// one longer than `ConsoleMessage.maximumBytes`, ends the connection.
struct ConsoleFraming {
    var pending: [UInt8] = []

    enum Problem: Error {
        case tooLong
        case notAMessage
    }

    mutating func messages(after bytes: some Collection<UInt8>) throws(Problem) -> [ConsoleMessage] {
        pending.append(contentsOf: bytes)
        var messages: [ConsoleMessage] = []
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            let line = Array(pending[..<newline])
            pending.removeSubrange(...newline)
            guard let message = ConsoleMessage.decoded(line) else { throw .notAMessage }
            messages.append(message)
        }
        if pending.count > ConsoleMessage.maximumBytes { throw .tooLong }
        return messages
    }
}
