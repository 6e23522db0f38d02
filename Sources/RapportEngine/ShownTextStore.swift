import RapportLanguage

/// The texts that steps show (lines and choices), copied one node after another in the order a step
/// shows them. In the file, a node's texts are spread among its scores, coach notes and other
/// lines: on a large scenario each was a read from memory of its own when a step was shown, about
/// six a decision. Kept together they are a few neighbouring cache lines, which the processor
/// reads ahead.
struct ShownTextStore {
    private(set) var bytes: [UInt8] = []
    private var places: [(start: Int, count: Int)] = []

    /// Copies a text to the end of the store, and returns its number there.
    mutating func keep(_ text: ScenarioText) -> Int {
        let start = bytes.count
        text.withUTF8 { bytes.append(contentsOf: $0) }
        places.append((start, text.utf8Count))
        return places.count - 1
    }

    /// The texts kept, by number, each a stretch of one shared copy. Nil when the copies would not
    /// fit the 32-bit offsets of a text (only for a file of nearly 4 GB of text that sanitising
    /// lengthened): the texts are then read from the file, as before.
    func texts() -> [ScenarioText]? {
        guard bytes.count <= SourceFile.maximumSize else { return nil }
        let bytes = self.bytes
        return places.map { ScenarioText(bytes: bytes, from: $0.start, count: $0.count) }
    }
}
