import RapportRecords
import RapportTerminal

/// The learner's records as the menu shows them, beside each scenario.
enum ProgressSummary {
    /// By scenario id; a database that cannot be read shows nothing here (the menu still works,
    /// and `rapport progress` says what is wrong).
    static func menuLines(_ store: ProgressStore, learner: String, plain: Bool) -> [String: String] {
        guard let attempts = try? store.finishedAttempts(learner: learner) else { return [:] }
        let unfinished = (try? store.unfinished(learner: learner)) ?? []
        var lines: [String: String] = [:]
        for id in Set(attempts.map(\.scenarioID) + unfinished.map(\.scenarioID)) {
            lines[id] = ProgressText.menuLine(
                attempts.filter { $0.scenarioID == id }, unfinished: unfinished.contains { $0.scenarioID == id }, plain: plain)
        }
        return lines
    }
}
