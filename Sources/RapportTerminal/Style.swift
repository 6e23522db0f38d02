import RapportAnalysis

/// How text is dressed for the terminal: colour (only when allowed), and a plain mode for screen
/// readers with no colour, no box drawing, no bars, and every figure in words.
public struct Style: Sendable {
    public var colour: Bool
    public var plain: Bool
    public var width: Int {
        didSet { width = max(20, width) }
    }

    public init(colour: Bool, plain: Bool, width: Int) {
        self.colour = colour && !plain
        self.plain = plain
        self.width = max(20, width)
    }

    func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func italic(_ text: String) -> String { paint(text, "3") }
    func good(_ text: String) -> String { paint(text, "32") }
    func bad(_ text: String) -> String { paint(text, "31") }
    func accent(_ text: String) -> String { paint(text, "36") }

    /// A heading: a rule in the normal mode, just the words in plain mode.
    func heading(_ text: String) -> String {
        if plain { return text + "\n" }
        let rule = String(repeating: "─", count: max(0, min(width, 72) - TextLayout.width(text) - 4))
        return bold("── \(text) ") + dim(rule) + "\n"
    }

    /// A signed number: "+2" or "-1", or in plain mode "plus 2" / "minus 1".
    func signed(_ value: Int) -> String {
        if plain { return value > 0 ? "plus \(value)" : value < 0 ? "minus \(-value)" : "0" }
        return value.signedFigure
    }

    /// A bar for a share from -100 to +100: five cells each side of a centre mark, filled out from
    /// the centre, so zero is an empty bar and not half of one (not used in plain mode).
    func signedBar(percent: Int) -> String {
        let cells = percent == 0 ? 0 : min(5, max(1, (abs(percent) + 10) / 20))
        let negative = percent < 0 ? cells : 0
        let positive = percent > 0 ? cells : 0
        return dim(String(repeating: "░", count: 5 - negative)) + bad(String(repeating: "█", count: negative)) + dim("│")
            + good(String(repeating: "█", count: positive)) + dim(String(repeating: "░", count: 5 - positive))
    }

    func wrap(_ text: String, indent: String = "", rest: String? = nil) -> String {
        TextLayout.wrap(text, width: width, firstIndent: indent, restIndent: rest ?? indent).joined(separator: "\n") + "\n"
    }
}
