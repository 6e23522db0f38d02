import RapportLanguage

/// A `ScenarioGraph` as a Mermaid flowchart, which Markdown viewers (GitHub, GitLab, many wikis)
/// draw. Labels are quoted, and every character that could end a label, start a statement or be read
/// as HTML is written as one of Mermaid's entity codes (`#quot;`, `#lt;`, `#35;` ...).
public enum GraphMermaid {
    public static func write(_ graph: ScenarioGraph) -> String {
        var out = "%% \(escaped(graph.title)) (\(escaped(graph.sourceName)))\n"
        out += "%% \(GraphStyle.key)\n"
        out += "flowchart TD\n"
        for box in graph.boxes {
            let label = quoted([box.title] + box.lines)
            switch box.kind {
            case .node: out += "  \(box.key)[\(label)]\n"
            case .ending: out += "  \(box.key)([\(label)])\n"
            }
        }
        var bestLinks: [Int] = []
        for (index, arrow) in graph.arrows.enumerated() {
            let link =
                switch arrow.kind {
                case .choice: "-->"
                case .jump, .ending, .silence: "-.->"
                }
            let label = arrow.lines.isEmpty ? "" : "|\(quoted(arrow.lines))|"
            out += "  \(arrow.from) \(link)\(label) \(arrow.to)\n"
            if arrow.onBestPath { bestLinks.append(index) }
        }
        for outcome in Outcome.allCases {
            let colours = GraphStyle.colours(outcome)
            out += "  classDef \(outcome.rawValue) fill:\(colours.fill),stroke:\(colours.line)\n"
            let keys = graph.boxes.filter { $0.kind == .ending(outcome) }.map(\.key)
            if !keys.isEmpty { out += "  class \(keys.joined(separator: ",")) \(outcome.rawValue)\n" }
        }
        out += "  classDef unreached stroke-dasharray:4,color:\(GraphStyle.unreached)\n"
        let unreached = graph.boxes.filter { !$0.reached }.map(\.key)
        if !unreached.isEmpty { out += "  class \(unreached.joined(separator: ",")) unreached\n" }
        let bestBoxes = graph.boxes.filter(\.onBestPath).map(\.key)
        if !bestBoxes.isEmpty {
            out += "  classDef best stroke:\(GraphStyle.bestPath),stroke-width:3px\n"
            out += "  class \(bestBoxes.joined(separator: ",")) best\n"
        }
        if !bestLinks.isEmpty {
            out += "  linkStyle \(bestLinks.map(String.init).joined(separator: ",")) stroke:\(GraphStyle.bestPath),stroke-width:3px\n"
        }
        return out
    }

    static func quoted(_ lines: [String]) -> String {
        "\"" + lines.map(escaped).joined(separator: "<br/>") + "\""
    }

    /// Mermaid's entity codes for the characters that mean something in a label or a statement.
    static func escaped(_ text: String) -> String {
        var out = ""
        // Cleaned first, as all outside text is (see `Sanitizer`), then escaped for the format.
        for character in Sanitizer.clean(text) {
            switch character {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "#": out += "#35;"
            case "|": out += "#124;"
            case ";": out += "#59;"
            case "`": out += "#96;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
