// Linux only: see main.swift.
#if os(Linux)

/// How the decisions of a synthetic scenario are wired together.
enum ScenarioShape: String, CaseIterable, Sendable {
    /// Every decision leads to the next: a playthrough visits all N decisions, so play cost grows
    /// with N while the number of states per decision stays fixed.
    case chain
    /// 20 layers of decisions, each leading only to the next layer: a playthrough visits 20
    /// decisions whatever N is, so the cost of one playthrough must not grow with N.
    case layered

    static let layerCount = 20
    /// The most decisions 20 layers can hold when each is at most `2 * width + 2` wide.
    static let maximumLayered = 3_000_000

    /// The number of decisions in each layer of a layered scenario of `decisions` decisions. The
    /// story has a single start, and decision j of a layer leads to positions 2j...2j+3 of the next
    /// (see `ScenarioGenerator`), so a layer can be at most `2 * width + 2` wide; after the first
    /// few layers the decisions are spread evenly. The widths add up to `decisions` exactly.
    static func layerWidths(decisions: Int) -> [Int] {
        precondition(decisions >= layerCount, "a layered story needs at least one decision per layer")
        var widths: [Int] = []
        var remaining = decisions
        var previous = 0
        for layer in 0..<layerCount {
            let layersLeft = layerCount - layer
            let even = (remaining + layersLeft - 1) / layersLeft
            let width = layer == 0 ? 1 : min(2 * previous + 2, even)
            widths.append(width)
            remaining -= width
            previous = width
        }
        precondition(remaining == 0, "layer widths do not add up to \(decisions)")
        return widths
    }
}

#endif
