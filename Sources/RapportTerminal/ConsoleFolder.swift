#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where rooms listen for a facilitator's console: `$XDG_RUNTIME_DIR/rapport`, or
/// `/tmp/rapport-UID` without one. The folder is the user's alone (mode 700, owned by them, checked
/// every time), so no other user on the machine can drive a workshop or read its coach notes. Each
/// room's socket is named by its process id: `room-PID.sock`.
public struct ConsoleFolder: Sendable {
    public let path: String

    public init(environment: [String: String]) {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            path = runtime + "/rapport"
        } else {
            path = "/tmp/rapport-\(getuid())"
        }
    }

    /// The socket for this process's room.
    public var roomPath: String { path + "/room-\(getpid()).sock" }

    /// Makes the folder if need be and checks it is the user's alone; what is wrong, if anything.
    public func prepare() -> String? {
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            return "cannot make the folder \(path): \(String(cString: strerror(errno)))"
        }
        var status = stat()
        guard lstat(path, &status) == 0 else { return "cannot read the folder \(path): \(String(cString: strerror(errno)))" }
        guard status.st_mode & S_IFMT == S_IFDIR else { return "\(path) is not a folder" }
        guard status.st_uid == getuid(), status.st_mode & 0o077 == 0 else {
            return "the folder \(path) is not yours alone (it must be mode 700 and owned by you)"
        }
        return nil
    }

    /// A room found listening, its connection open, and what it said of itself.
    public struct Room {
        public let socket: ConsoleSocket
        public let greeting: ConsoleMessage
        public let session: String
    }

    /// Every room listening in the folder, each connected to. A socket nothing listens on any more
    /// (its Rapport was killed) is removed.
    public func rooms() -> [Room] {
        guard prepare() == nil, let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name.hasPrefix("room-"), name.hasSuffix(".sock") { names.append(name) }
        }
        var rooms: [Room] = []
        for name in names.sorted() {
            let socketPath = path + "/" + name
            guard let socket = ConsoleSocket.connect(to: socketPath) else {
                if errno == ECONNREFUSED { unlink(socketPath) }
                continue
            }
            if let greeting = socket.next(within: 2_000), let session = greeting.session {
                rooms.append(Room(socket: socket, greeting: greeting, session: session))
            }
        }
        return rooms
    }
}
