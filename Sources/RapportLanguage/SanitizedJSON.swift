/// JSON that Rapport writes is data for other programs, so its strings keep every character; but it
/// is also read in terminals (`rapport check --format json | less`), so no character the sanitiser
/// would change may stand in it raw. Foundation's encoder escapes C0 controls (`\u001b`) but writes
/// DEL, C1 controls, line separators, direction controls and invisible characters as they are: this
/// escapes those as `\u` sequences, which decode to the very same string.
extension Sanitizer {
    /// `json`, as an encoder wrote it, with each such character escaped (see `Sanitizer` for which;
    /// a character that is part of ordinary writing, such as a joiner inside an emoji, stays).
    public static func escapingJSON(_ json: String) -> String {
        guard mayChange(json.utf8, countingC0: false) else { return json }
        let scalars = Array(json.unicodeScalars)
        var bytes: [UInt8] = []  // see `cleaned`
        bytes.reserveCapacity(json.utf8.count)
        scan(scalars) { range, change in
            for scalar in scalars[range] {
                // C0 controls are left to the encoder: outside strings they are the JSON's own line
                // breaks. In an escape sequence, only what is not ASCII is escaped (its ESC is `\u001b`).
                if let change, scalar.value >= 0x7F, change != .escapeSequence || mayChange(scalar.value) {
                    bytes.append(contentsOf: jsonEscape(scalar).utf8)
                } else {
                    bytes.append(contentsOf: scalar.utf8)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `\u009b`, in lower case as the encoder writes `\u001b`; beyond the first plane, a surrogate pair.
    static func jsonEscape(_ scalar: Unicode.Scalar) -> String {
        func unit(_ value: UInt32) -> String {
            let hex = String(value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        guard scalar.value > 0xFFFF else { return unit(scalar.value) }
        let offset = scalar.value - 0x10000
        return unit(0xD800 + (offset >> 10)) + unit(0xDC00 + (offset & 0x3FF))
    }
}
