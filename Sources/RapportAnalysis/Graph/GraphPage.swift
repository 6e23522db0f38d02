import RapportLanguage

/// A self-contained HTML page around the graph drawn as SVG (by Graphviz's `dot`): the title, the
/// summary, a key to the colours, and the picture, with nothing fetched from elsewhere. The scenario's
/// text is HTML-escaped here; the SVG's own text was escaped by `dot`, and its XML prologue is left out
/// so that it can stand inside the page.
public enum GraphPage {
    public static func write(svg: String, title: String, summary: String?, sourceName: String) -> String {
        var picture = svg
        if let start = picture.firstRange(of: "<svg") { picture = String(picture[start.lowerBound...]) }
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escaped(title)): the branches</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #212121; }
            .key { list-style: none; padding: 0; display: flex; gap: 1.5rem; flex-wrap: wrap; }
            .key span { display: inline-block; width: 1em; height: 1em; border: 2px solid; border-radius: 3px; vertical-align: middle; margin-right: .4em; }
            .picture { overflow: auto; border-top: 1px solid #e0e0e0; padding-top: 1rem; }
            .picture svg { max-width: none; height: auto; }
            </style>
            </head>
            <body>
            <h1>\(escaped(title))</h1>

            """
        if let summary { out += "<p>\(escaped(summary))</p>\n" }
        out += "<p><small>\(escaped(sourceName))</small></p>\n<ul class=\"key\">\n"
        for outcome in Outcome.allCases {
            let colours = GraphStyle.colours(outcome)
            out += "<li><span style=\"background: \(colours.fill); border-color: \(colours.line)\"></span>\(outcome.rawValue) ending</li>\n"
        }
        out += "<li><span style=\"border-color: \(GraphStyle.bestPath)\"></span>the best path</li>\n"
        out += "<li>dashed arrow: a jump; dotted arrow: a silence</li>\n</ul>\n"
        out += "<div class=\"picture\">\n\(picture)\n</div>\n</body>\n</html>\n"
        return out
    }

    public static func escaped(_ text: String) -> String {
        Sanitizer.escapingHTML(text)
    }
}
