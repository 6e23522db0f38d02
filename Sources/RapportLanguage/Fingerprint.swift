/// A 64-bit FNV-1a fingerprint of bytes, as 16 hex digits. Not for security: it tells whether a
/// scenario's text changed since a run was recorded. Transcripts and workshop saves keep it, so
/// the way it is worked out must not change.
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
}
