/// A 64-bit FNV-1a fingerprint of bytes, as 16 hex digits. Not for security: it tells whether a
/// scenario's text changed since a run was recorded.
public enum Fingerprint {
    public static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Files from this size up are fingerprinted on another thread, started once their nodes are
    /// checked.
    static let backgroundThreshold = 1 << 20
}

/// A fingerprint being worked out while the file is checked, and after. FNV-1a reads one byte at a
/// time, each step waiting on the last, so it cannot be made faster without changing every
/// fingerprint already recorded in transcripts and workshop saves; on a 13 MB file it was 7% of the
/// check.
/// A large file's is worked out on another thread, a small one's at once.
struct PendingFingerprint: Sendable {
    private let ready: String?
    private let job: BackgroundJob<String>?

    init(_ bytes: [UInt8]) {
        if bytes.count >= Fingerprint.backgroundThreshold {
            ready = nil
            job = BackgroundJob { Fingerprint.of(bytes) }
        } else {
            ready = Fingerprint.of(bytes)
            job = nil
        }
    }

    /// The fingerprint, waiting for it if it is still being worked out.
    func wait() -> String { ready ?? job?.wait() ?? "" }
}
