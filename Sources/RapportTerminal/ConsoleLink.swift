#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The room's end of the facilitator's console: a Unix socket the room's `rapport facilitate`
/// listens on (in a folder only its user can enter, see `ConsoleFolder`), and the one console
/// connected to it. Every connection is greeted with the session's name; the first to say hello
/// (its width) becomes the console, and one that says hello while a console is connected is told so
/// and let go. Connections that have not said hello yet (a console only asking the room's name) wait
/// beside it and never keep it out. The socket file is removed when the link closes.
public final class ConsoleLink {
    public let path: String
    let greeting: ConsoleMessage
    var listener: Int32
    /// The console, once it has said hello.
    var console: ConsoleSocket?
    /// Connections greeted that have not said hello yet, oldest first.
    var waiting: [ConsoleSocket] = []
    /// How the console wants its text laid out; nil while no console is connected.
    public private(set) var consoleStyle: Style?
    var lastPrompt: String?
    /// Why the room stopped listening, if it had to (the system refused it more connections).
    public private(set) var failure: String?

    /// At most this many connections wait for their hello; the oldest gives way to a newer one.
    static let mostWaiting = 4

    /// What happened on the link since it was last looked at.
    public enum Event: Equatable {
        /// A console said hello: from now on it is told what answers its lines.
        case connected
        /// A line the facilitator typed at the console.
        case line(String)
        case disconnected
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Listens at `path` (a stale socket left there by a killed Rapport is replaced). The socket is
    /// made ready under another name and then renamed, so a console never finds it half made.
    public init(listeningAt path: String, session: String, scenario: String) throws(Failure) {
        let making = path + ".new"
        guard var address = ConsoleSocket.address(making) else {
            throw Failure(description: "the path \(path) is too long for a socket")
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        // The name holds the process id, so a file there is a dead Rapport's.
        unlink(making)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, chmod(making, 0o600) == 0, listen(descriptor, 16) == 0, rename(making, path) == 0 else {
            let words = String(cString: strerror(errno))
            _ = Glibc.close(descriptor)
            unlink(making)
            throw Failure(description: "cannot listen at \(path): \(words)")
        }
        self.path = path
        self.listener = descriptor
        self.greeting = ConsoleMessage(session: session, scenario: scenario)
    }

    deinit { close(reason: nil) }

    /// What the room's prompt waits on beside the keyboard.
    public var descriptors: [Int32] {
        ([listener, console?.descriptor ?? -1] + waiting.map(\.descriptor)).filter { $0 >= 0 }
    }

    public var isConnected: Bool { console?.isOpen == true && consoleStyle != nil }

    /// Takes what is waiting, without blocking: the console's lines and its leaving, connections
    /// saying hello, new connections. Each socket is read once (one chunk), so a console that never
    /// stops writing cannot keep the room from its keyboard.
    public func service() -> [Event] {
        var events: [Event] = []
        if let console {
            events += lines(console.receive() ?? [], from: console)
            if !console.isOpen { events.append(disconnect()) }
        }
        acceptNewConnections()
        for socket in waiting {
            // What comes before the hello is not a console's yet, and is let go.
            guard let messages = socket.receive(), let hello = messages.firstIndex(where: { $0.width != nil }) else { continue }
            if isConnected {
                var refusal = greeting
                refusal.closed = "Another console is already connected to this session; close it first."
                socket.send(refusal)
                socket.close()
                continue
            }
            console = socket
            let width = messages[hello].width ?? 80
            consoleStyle = Style(colour: messages[hello].colour ?? false, plain: messages[hello].plain ?? false, width: width)
            lastPrompt = nil
            events.append(.connected)
            events += lines(messages[(hello + 1)...], from: socket)
        }
        waiting.removeAll { !$0.isOpen || $0 === console }
        return events
    }

    func acceptNewConnections() {
        while listener >= 0 {
            let accepted = accept(listener, nil, nil)
            guard accepted >= 0 else {
                if ![EAGAIN, EWOULDBLOCK, EINTR, ECONNABORTED].contains(errno) {
                    // The listener would stay ready and the room's prompt would wake for ever.
                    failure = "the room stopped listening for a console: \(String(cString: strerror(errno)))"
                    stopListening()
                }
                return
            }
            let socket = ConsoleSocket(descriptor: accepted)
            guard socket.send(greeting) else { continue }
            waiting.append(socket)
            if waiting.count > Self.mostWaiting { waiting.removeFirst().close() }
        }
    }

    /// The console's lines, each checked as a line typed at the room would be; a refusal is said
    /// at the console.
    func lines(_ messages: some Collection<ConsoleMessage>, from console: ConsoleSocket) -> [Event] {
        messages.compactMap { message in
            guard let line = message.line else { return nil }
            if let refusal = Self.problem(with: line) {
                console.send(ConsoleMessage(text: refusal + "\n"))
                return nil
            }
            return .line(line)
        }
    }

    /// What is wrong with a line from the console, which must be what could be typed at the room.
    static func problem(with line: String) -> String? {
        if line.contains(where: \.isNewline) { return "A line from the console cannot hold a line break; nothing was done." }
        if case .rejected(let reason) = LineValidation.validate(Array(line.utf8)) { return reason }
        return nil
    }

    func disconnect() -> Event {
        console?.close()
        console = nil
        consoleStyle = nil
        return .disconnected
    }

    /// Shows text at the console, if one is connected.
    public func show(_ text: String) {
        guard isConnected, let console else { return }
        console.send(ConsoleMessage(text: text))
        if !console.isOpen { consoleStyle = nil }
    }

    /// Tells the console which prompt the room waits at, when it changes.
    public func prompt(_ prompt: String) {
        guard isConnected, prompt != lastPrompt, let console else { return }
        if console.send(ConsoleMessage(prompt: prompt)) {
            lastPrompt = prompt
        } else {
            consoleStyle = nil
        }
    }

    /// Ends the link: the console is told why, and the socket file is removed.
    public func close(reason: String?) {
        if let reason, isConnected { console?.send(ConsoleMessage(closed: reason)) }
        console?.close()
        console = nil
        consoleStyle = nil
        for socket in waiting { socket.close() }
        waiting = []
        stopListening()
    }

    func stopListening() {
        guard listener >= 0 else { return }
        _ = Glibc.close(listener)
        listener = -1
        unlink(path)
    }
}
