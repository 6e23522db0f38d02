import Dispatch

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

    /// Files from this size up are fingerprinted on another thread while they are checked.
    static let backgroundThreshold = 1 << 20

    /// Starts fingerprinting `bytes`: on another thread for a large file, at once for a small one.
    static func start(_ bytes: [UInt8]) -> PendingFingerprint { PendingFingerprint(bytes) }
}

/// A fingerprint being worked out while the file is parsed and checked. FNV-1a reads one byte at a
/// time, each step waiting on the last, so it cannot be made faster without changing every
/// fingerprint already recorded in transcripts and workshop saves; on a 13 MB file it was 7% of the
/// check. On its own thread it costs the check nothing when a second core is free.
final class PendingFingerprint: @unchecked Sendable {
    // `@unchecked`: `value` is written once, on the worker before `done.leave()`, and read only
    // after `done.wait()`, which orders the two.
    private var value: String?
    private let done = DispatchGroup()

    init(_ bytes: [UInt8]) {
        guard bytes.count >= Fingerprint.backgroundThreshold else {
            value = Fingerprint.of(bytes)
            return
        }
        done.enter()
        // A queue of its own, not a global concurrent one: its work always gets a thread, even
        // when the caller runs on a pool whose threads are all busy.
        DispatchQueue(label: "rapport.fingerprint").async { [self] in
            value = Fingerprint.of(bytes)
            done.leave()
        }
    }

    /// The fingerprint, waiting for it if it is still being worked out.
    func wait() -> String {
        done.wait()
        return value ?? ""
    }
}
