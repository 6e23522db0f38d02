#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// Reading a scenario file from disk, with the C library: the command line and the benchmark both
/// read files this way, and neither the language nor the benchmark loads Foundation.
extension SourceFile {
    public enum ReadError: Error, Sendable, Equatable {
        /// It does not exist, may not be opened, or is a folder.
        case cannotOpen
        /// Opened, but reading it failed part way.
        case cannotRead
        /// Larger than `limit` bytes (`ScenarioLimits.fileSize` unless a caller asks for less).
        case tooLarge(limit: Int)
    }

    /// The file at `path`, read whole. `sizeLimit`: the largest file read (tests set it low); a
    /// larger one is refused after reading one byte more than it, not read whole.
    public static func read(_ path: String, sizeLimit: Int = ScenarioLimits.fileSize) throws(ReadError) -> SourceFile {
        let limit = min(sizeLimit, maximumSize)
        let bytes = try readBytes(path, atMost: limit + 1)
        guard bytes.count <= limit else { throw .tooLarge(limit: limit) }
        return SourceFile(name: path, bytes: bytes)
    }

    /// Up to `limit` bytes of the file at `path`, read straight into the array the checker uses.
    public static func readBytes(_ path: String, atMost limit: Int = .max) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .cannotOpen }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { throw .cannotOpen }
        var bytes: [UInt8] = []
        // Room for the whole file at once (plus one byte, to see the end without growing), so the
        // array is not grown by doubling as it fills. Files in /proc say they are empty: they grow.
        bytes.reserveCapacity(min(max(Int(status.st_size), 0), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotRead
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// A size as people say it: "4 GB", "32 MB", "10 bytes".
    public static func describe(bytes: Int) -> String {
        if bytes >= 1 << 30 { return "\((bytes + (1 << 29)) >> 30) GB" }
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        return "\(bytes) bytes"
    }
}
