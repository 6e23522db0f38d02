import RapportLanguage

/// The opening menu: each scenario's title, channel, summary and number of decisions; the learner
/// types a number.
public struct ScenarioMenu<Reader: LineReader, Output: TextOutput> {
    public var reader: Reader
    public var output: Output
    public let style: Style
    /// By id: how many decisions a learner meets in one run, fewest and most (from analysis); a
    /// scenario not here shows how many of its nodes offer choices.
    public var decisionsPerRun: [String: ClosedRange<Int>] = [:]
    /// Beside each scenario, by id: whether and how well the learner has done it.
    public var progress: [String: String] = [:]

    public init(reader: Reader, output: Output, style: Style) {
        self.reader = reader
        self.output = output
        self.style = style
    }

    public func render(_ scenarios: [CheckedScenario]) -> String {
        var out = style.heading("Rapport")
        out += style.wrap("Practise the conversations that build trust. Pick a scenario:") + "\n"
        let numberWidth = String(scenarios.count).count
        for (index, scenario) in scenarios.enumerated() {
            let number = TextLayout.rightAligned(String(index + 1), width: numberWidth) + ". "
            let indent = String(repeating: " ", count: numberWidth + 4)
            out += style.wrap(style.bold(Sanitizer.clean(scenario.title)), indent: "  " + number, rest: indent)
            var facts: [String] = []
            if let channel = scenario.channel { facts.append(channel.rawValue) }
            facts.append("with \(Sanitizer.clean(scenario.customer))")
            if let range = decisionsPerRun[scenario.id] {
                facts.append(range.lowerBound == range.upperBound ? plural(range.upperBound, "decision") : "\(range.lowerBound) to \(range.upperBound) decisions")
            } else {
                facts.append(plural(scenario.decisionCount, "decision"))
            }
            out += style.wrap(style.dim(facts.joined(separator: ", ")), indent: indent)
            if let done = progress[scenario.id] { out += style.wrap(Sanitizer.clean(done), indent: indent) }
            if let summary = scenario.summary { out += style.wrap(Sanitizer.clean(summary), indent: indent) }
        }
        return out + "\n"
    }

    /// What the learner did at the menu.
    public enum Choice: Sendable, Equatable {
        /// The index of the scenario picked.
        case picked(Int)
        /// `:quit`, or Ctrl-D, Ctrl-C or the end of input at the menu.
        case left
        /// SIGTERM, SIGHUP or SIGQUIT: the command exits 143.
        case stopped
    }

    /// Shows the menu and reads until the learner picks a scenario or leaves.
    public mutating func choose(from scenarios: [CheckedScenario]) -> Choice {
        output.write(render(scenarios))
        reader.setCompletions([":quit"])
        while true {
            switch reader.read(prompt: "Scenario number (or :quit)> ", silenceAfter: nil) {
            case .line(let text):
                let answer = text.trimmingBlanks()
                if answer.isEmpty { continue }
                if [":quit", ":q", "q", "quit"].contains(answer.lowercased()) { return .left }
                if let number = Int(answer), number >= 1, number <= scenarios.count { return .picked(number - 1) }
                output.write("Type a number from 1 to \(scenarios.count), or :quit.\n")
            case .rejected(let reason):
                output.write(style.wrap(reason))
            case .silence, .ready:
                continue
            case .endOfInput, .interrupt:
                return .left
            case .terminate:
                output.write("Stopped.\n")
                return .stopped
            }
        }
    }
}
