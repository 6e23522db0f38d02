import RapportLanguage

/// A `ScenarioGraph` as Graphviz DOT: `dot -Tsvg` draws it. Every text is put in a quoted string
/// with its backslashes and quotation marks escaped, so a scenario's text can neither end the string
/// nor become one of DOT's escapes (`\N`, `\l`); lines are joined with DOT's `\n`.
public enum GraphDOT {
    public static func write(_ graph: ScenarioGraph) -> String {
        var out = "digraph scenario {\n"
        let caption = [graph.title, graph.sourceName, GraphStyle.key]
        out += "  graph [label=\(quoted(caption)), labelloc=t, fontname=\"Helvetica\", rankdir=TB];\n"
        out += "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for box in graph.boxes {
            var attributes = ["label=\(quoted([box.title] + box.lines))"]
            var line: String?
            switch box.kind {
            case .node(let decision):
                // A node that offers no choice (it routes, or ends) has square corners.
                var style = decision ? ["rounded"] : ["solid"]
                if !box.reached {
                    style.append("dashed")
                    line = GraphStyle.unreached
                    attributes.append("fontcolor=\"\(GraphStyle.unreached)\"")
                }
                attributes.append("style=\"\(style.joined(separator: ","))\"")
            case .ending(let outcome):
                let colours = GraphStyle.colours(outcome)
                attributes += ["style=\"rounded,filled\"", "fillcolor=\"\(colours.fill)\""]
                line = colours.line
            }
            if box.onBestPath {
                line = GraphStyle.bestPath
                attributes.append("penwidth=3")
            }
            if let line { attributes.append("color=\"\(line)\"") }
            out += "  \(box.key) [\(attributes.joined(separator: ", "))];\n"
        }
        for arrow in graph.arrows {
            var attributes: [String] = []
            if !arrow.lines.isEmpty { attributes.append("label=\(quoted(arrow.lines))") }
            switch arrow.kind {
            case .choice: break
            case .jump, .ending: attributes.append("style=dashed")
            case .silence: attributes.append("style=dotted")
            }
            if arrow.onBestPath { attributes += ["penwidth=3", "color=\"\(GraphStyle.bestPath)\"", "fontcolor=\"\(GraphStyle.bestPath)\""] }
            out += "  \(arrow.from) -> \(arrow.to)" + (attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]") + ";\n"
        }
        return out + "}\n"
    }

    /// The lines as one DOT string: quoted, escaped, joined with `\n`.
    static func quoted(_ lines: [String]) -> String {
        "\"" + lines.map(escaped).joined(separator: "\\n") + "\""
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        // Cleaned first, as all outside text is (see `Sanitizer`), then escaped for the format.
        for character in Sanitizer.clean(text) {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
