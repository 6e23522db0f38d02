import RapportLanguage

/// Wraps text to a width in terminal columns, counting wide characters (CJK, emoji) as two and
/// combining marks as none, and never splitting a character. Rapport's own colour codes
/// (`ESC [ ... m`) take no columns; scenario text has had every escape removed before it gets here.
public enum TextLayout {
    /// Columns the text takes on screen.
    public static func width(_ text: some StringProtocol) -> Int {
        var total = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value), character != "[" {
                    inEscape = false
                }
                continue
            }
            if character == "\u{1B}" {
                inEscape = true
                continue
            }
            total += DisplayWidth.of(character)
        }
        return total
    }

    /// `text` then spaces, to fill `width` columns (unchanged if it is already as wide): a column of
    /// names lines up on screen whatever characters they are written in.
    public static func leftAligned(_ text: String, width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - Self.width(text)))
    }

    /// Spaces then `text`, to fill `width` columns (unchanged if it is already as wide).
    public static func rightAligned(_ text: String, width: Int) -> String {
        String(repeating: " ", count: max(0, width - Self.width(text))) + text
    }

    /// At most `width` columns of `text`, whole characters only, with "…" after it if some was cut.
    public static func shortened(_ text: String, width: Int) -> String {
        guard Self.width(text) > width else { return text }
        var kept = ""
        var keptWidth = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if keptWidth + characterWidth > width { break }
            kept.append(character)
            keptWidth += characterWidth
        }
        return kept + "…"
    }

    /// `text` ending as a sentence: with a full stop added, unless it already ends with a stop, a
    /// question or exclamation mark or an ellipsis (before any closing quotes or brackets), as a
    /// moment named "Still there?" does.
    public static func sentence(_ text: String) -> String {
        let closing: Set<Character> = ["\"", "'", "\u{201D}", "\u{2019}", "\u{BB}", ")", "]"]
        guard let last = text.last(where: { !closing.contains($0) }) else { return text + "." }
        return ".?!…。？！".contains(last) ? text : text + "."
    }

    /// The lines of `text` wrapped to `width` columns; the first line starts after `firstIndent`
    /// and later lines after `restIndent` (both included in the result).
    public static func wrap(_ text: String, width: Int, firstIndent: String = "", restIndent: String = "") -> [String] {
        let limit = max(width, Self.width(restIndent) + 10, Self.width(firstIndent) + 10)
        var lines: [String] = []
        var line = firstIndent
        var lineWidth = Self.width(firstIndent)
        var lineHasWord = false
        func newLine() {
            lines.append(line)
            line = restIndent
            lineWidth = Self.width(restIndent)
            lineHasWord = false
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = Self.width(word)
            if lineHasWord, lineWidth + 1 + wordWidth > limit { newLine() }
            if lineHasWord {
                line += " "
                lineWidth += 1
            }
            if lineWidth + wordWidth <= limit {
                line += word
                lineWidth += wordWidth
            } else {
                // A word longer than the line: break it between characters.
                for character in word {
                    let characterWidth = DisplayWidth.of(character)
                    if lineWidth + characterWidth > limit, lineWidth > Self.width(restIndent) { newLine() }
                    line.append(character)
                    lineWidth += characterWidth
                }
            }
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
