#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The room's end of the facilitator's console: a Unix socket the room's `rapport facilitate`
/// listens on (in a folder only its user can enter, see `ConsoleFolder`), and the one console
/// connected to it. A second console is told one is already connected, and turned away. The socket
/// file is removed when the link closes.
public final class ConsoleLink {
    public let path: String
    let greeting: ConsoleMessage
    var listener: Int32
    var console: ConsoleSocket?
    /// How the console wants its text laid out, once it has said.
    public private(set) var consoleStyle: Style?
    var lastPrompt: String?

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

    /// Listens at `path` (a stale socket left there by a killed Rapport is replaced).
    public init(listeningAt path: String, session: String, scenario: String) throws(Failure) {
        guard var address = ConsoleSocket.address(path) else {
            throw Failure(description: "the path \(path) is too long for a socket")
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        // The name holds the process id, so a file there is a dead Rapport's.
        unlink(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, chmod(path, 0o600) == 0, listen(descriptor, 4) == 0 else {
            let words = String(cString: strerror(errno))
            _ = Glibc.close(descriptor)
            unlink(path)
            throw Failure(description: "cannot listen at \(path): \(words)")
        }
        self.path = path
        self.listener = descriptor
        self.greeting = ConsoleMessage(session: session, scenario: scenario)
    }

    deinit { close(reason: nil) }

    /// What the room's prompt waits on beside the keyboard.
    public var descriptors: [Int32] {
        [listener, console?.descriptor ?? -1].filter { $0 >= 0 }
    }

    public var isConnected: Bool { console?.isOpen == true && consoleStyle != nil }

    /// Takes what is waiting, without blocking: a console connecting, its lines, its leaving.
    public func service() -> [Event] {
        var events: [Event] = []
        while listener >= 0 {
            let accepted = accept(listener, nil, nil)
            guard accepted >= 0 else { break }
            let socket = ConsoleSocket(descriptor: accepted)
            var hello = greeting
            if isConnected {
                hello.closed = "Another console is already connected to this session; close it first."
                socket.send(hello)
                socket.close()
                continue
            }
            // One that connected and never said hello (a console that was looking for another
            // session, or something that is not a console) gives way.
            console?.close()
            socket.send(hello)
            console = socket
            consoleStyle = nil
            lastPrompt = nil
        }
        guard let console, console.isOpen else { return events }
        let messages = console.receive()
        for message in messages ?? [] {
            if consoleStyle == nil, let width = message.width {
                consoleStyle = Style(colour: message.colour ?? false, plain: message.plain ?? false, width: width)
                events.append(.connected)
            } else if consoleStyle != nil, let line = message.line {
                events.append(.line(line))
            }
        }
        if messages == nil || !console.isOpen {
            if consoleStyle != nil { events.append(.disconnected) }
            self.console = nil
            consoleStyle = nil
        }
        return events
    }

    /// Shows text at the console, if one is connected.
    public func show(_ text: String) {
        guard isConnected else { return }
        console?.send(ConsoleMessage(text: text))
    }

    /// Tells the console which prompt the room waits at, when it changes.
    public func prompt(_ prompt: String) {
        guard isConnected, prompt != lastPrompt else { return }
        if console?.send(ConsoleMessage(prompt: prompt)) == true { lastPrompt = prompt }
    }

    /// Ends the link: the console is told why, and the socket file is removed.
    public func close(reason: String?) {
        if let reason, isConnected { console?.send(ConsoleMessage(closed: reason)) }
        console?.close()
        console = nil
        if listener >= 0 {
            _ = Glibc.close(listener)
            listener = -1
            unlink(path)
        }
    }
}
