extension Sanitizer {
    /// Outside text for an HTML page (the handout, the graph page): cleaned first, as all outside
    /// text is, then every character that could open markup or end an attribute escaped.
    public static func escapingHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in clean(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
