import RapportLanguage

/// The colours and the key that every way of drawing the graph shares.
public enum GraphStyle {
    public static let bestPath = "#1565c0"
    public static let unreached = "#9e9e9e"
    public static let key = "best path in blue; endings: green good, orange mixed, red poor; dashed: a jump, dotted: a silence"

    public static func colours(_ outcome: Outcome) -> (fill: String, line: String) {
        switch outcome {
        case .good: ("#c8e6c9", "#2e7d32")
        case .mixed: ("#ffe0b2", "#ef6c00")
        case .poor: ("#ffcdd2", "#c62828")
        }
    }
}
