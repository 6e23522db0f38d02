/// Scenario files come from other people, so their text must never be able to drive the terminal:
/// this removes escape sequences (colours, cursor moves, window titles, hyperlinks), other control
/// characters and the bidirectional overrides that can make text display differently from what it is.
public enum Sanitizer {
    /// The text with every control sequence and control character removed; a tab becomes a space.
    public static func clean(_ text: String) -> String {
        guard containsControl(text) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return scalars.next()
        }
        while let scalar = next() {
            switch scalar.value {
            case 0x09:
                result.append(" ")
            case 0x1B:
                skipEscape(after: &scalars, pending: &pending)
            case 0x9B:
                skipControlSequence(&scalars)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                skipString(&scalars)
            default:
                if !isControl(scalar) { result.append(scalar) }
            }
        }
        return String(result)
    }

    /// A scenario's text is sanitised when it is checked, but one read back from a saved record
    /// may have been edited since.
    public static func clean(_ text: ScenarioText) -> String { clean(text.string) }

    /// Whether `clean` would change anything other than tabs.
    public static func hasControlCharacters(_ text: String) -> Bool {
        containsControl(text) && text.unicodeScalars.contains { $0.value != 0x09 && isControl($0) }
    }

    /// Whether any scalar of the text is one `isControl` matches.
    static func containsControl(_ text: String) -> Bool { containsControl(Array(text.utf8)) }

    /// Whether valid UTF-8 bytes hold a scalar that `isControl` matches, told from the bytes without
    /// decoding them: in UTF-8, C0 controls and DEL are single bytes; C1 controls (U+0080...U+009F)
    /// are C2 80...C2 9F; the bidirectional controls U+202A...U+202E are E2 80 AA...AE and
    /// U+2066...U+2069 are E2 81 A6...A9. In valid UTF-8, C2 and E2 always start a scalar.
    static func containsControl<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < end, (0x80...0x9F).contains(bytes[index + 1]) { return true }
            if byte == 0xE2, index + 2 < end {
                let second = bytes[index + 1]
                let third = bytes[index + 2]
                if second == 0x80, (0xAA...0xAE).contains(third) { return true }
                if second == 0x81, (0xA6...0xA9).contains(third) { return true }
            }
            index += 1
        }
        return false
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional embeddings, overrides and isolates
        default: false
        }
    }

    /// After ESC: CSI (`ESC [ ... final`), OSC/DCS/PM/APC strings (ended by BEL or `ESC \`), or a
    /// two-character sequence.
    static func skipEscape(after scalars: inout String.UnicodeScalarView.Iterator, pending: inout Unicode.Scalar?) {
        guard let kind = scalars.next() else { return }
        switch kind {
        case "[": skipControlSequence(&scalars)
        case "]", "P", "X", "^", "_": skipString(&scalars)
        default:
            // A lone ESC before ordinary text: drop the ESC only, unless the next character is an
            // escape's final byte (as in `ESC c` or `ESC 7`).
            if kind.value < 0x20 || kind.value > 0x7E { pending = kind }
        }
    }

    static func skipControlSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let scalar = scalars.next() {
            if (0x40...0x7E).contains(scalar.value) { return }
            if !(0x20...0x3F).contains(scalar.value) { return }
        }
    }

    static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator) {
        var sawEscape = false
        while let scalar = scalars.next() {
            if scalar.value == 0x07 || scalar.value == 0x9C { return }
            if sawEscape, scalar == "\\" { return }
            sawEscape = scalar.value == 0x1B
        }
    }
}
