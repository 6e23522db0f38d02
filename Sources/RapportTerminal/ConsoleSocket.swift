#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One end of a connection between the room and a facilitator's console: messages out, whole
/// messages in as they arrive. Writes wait at most two seconds for a console that has stopped
/// reading, then give up on the connection, so the room never hangs on it.
public final class ConsoleSocket {
    public private(set) var descriptor: Int32
    var framing = ConsoleFraming()

    init(descriptor: Int32) {
        self.descriptor = descriptor
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }

    deinit { close() }

    public var isOpen: Bool { descriptor >= 0 }

    /// Sends a message; false (and the connection closed) if the other end is gone or stuck.
    @discardableResult
    public func send(_ message: ConsoleMessage) -> Bool {
        guard isOpen else { return false }
        var bytes = message.encoded()[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else {
                close()
                return false
            }
            bytes = bytes.dropFirst(sent)
        }
        return true
    }

    /// Messages read ahead by `next(within:)`, given first by the next `receive`.
    var unread: [ConsoleMessage] = []

    /// What has arrived, without waiting, in one read (`poll` says when there is more): the whole
    /// messages, or nil when the connection has ended (closed by the other end, or it sent what is
    /// not a message).
    public func receive() -> [ConsoleMessage]? {
        let ahead = unread
        unread = []
        guard isOpen else { return ahead.isEmpty ? nil : ahead }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var count = -1
        repeat {
            count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        } while count < 0 && errno == EINTR
        if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return ahead }
        guard count > 0, let messages = try? framing.messages(after: chunk[..<count]) else {
            close()
            return ahead.isEmpty ? nil : ahead
        }
        return ahead + messages
    }

    /// Waits up to `milliseconds` for the next message; nil if none came or the connection ended.
    public func next(within milliseconds: Int32) -> ConsoleMessage? {
        var arrived = unread
        unread = []
        while arrived.isEmpty {
            var wait = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard isOpen, poll(&wait, 1, milliseconds) > 0, let messages = receive() else { return nil }
            arrived = messages
        }
        unread = Array(arrived.dropFirst())
        return arrived[0]
    }

    public func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }

    // MARK: - Addresses

    /// A Unix socket address for `path`; nil if the path is too long for one.
    static func address(_ path: String) -> sockaddr_un? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    /// Connects to the room listening at `path`; nil if nothing listens there.
    public static func connect(to path: String) -> ConsoleSocket? {
        guard var address = address(path) else {
            errno = ENAMETOOLONG
            return nil
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        // A room whose queue of connections is full (stopped with Ctrl-Z, say) would otherwise keep
        // `connect` waiting for ever; Linux bounds it by the send timeout.
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            _ = Glibc.close(descriptor)
            return nil
        }
        return ConsoleSocket(descriptor: descriptor)
    }
}
