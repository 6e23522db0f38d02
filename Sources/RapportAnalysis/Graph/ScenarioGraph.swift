import RapportEngine
import RapportLanguage

/// The branches of a scenario as a picture's parts, for `rapport graph`: a box for each node (with its
/// moment and the changes it makes) and for each ending (coloured by outcome), and an arrow for each
/// way on: a choice with its score changes, condition and promises, a jump, a silence. The best path
/// the analysis found, and the boxes and arrows it takes, are marked. The writers (`GraphDOT`,
/// `GraphMermaid`, `GraphPage`) only lay this out: every text here is the scenario's, sanitised, and
/// each writer escapes it for its own format.
public struct ScenarioGraph: Sendable {
    public enum BoxKind: Sendable, Hashable {
        /// A node of the scenario; `decision` when it offers choices.
        case node(decision: Bool)
        case ending(Outcome)
    }

    public struct Box: Sendable, Hashable {
        /// A name for the box, safe in any format: letters and digits only.
        public let key: String
        public let title: String
        /// What else the box says, a line each.
        public let lines: [String]
        public let kind: BoxKind
        public let onBestPath: Bool
        /// False for a node no playthrough reaches.
        public let reached: Bool
    }

    public enum ArrowKind: Sendable, Hashable {
        case choice, jump, silence, ending
    }

    public struct Arrow: Sendable, Hashable {
        public let from: String
        public let to: String
        public let kind: ArrowKind
        /// What the arrow says, a line each: the choice's text, its condition, its changes.
        public let lines: [String]
        public let onBestPath: Bool
    }

    public let title: String
    public let sourceName: String
    public let boxes: [Box]
    public let arrows: [Arrow]

    /// A label's lines are at most this wide, and a text at most `longestText` long.
    static let lineWidth = 32
    static let longestText = 90

    public init(_ analysis: Analysis) {
        let scenario = analysis.scenario
        let best = BestPath(analysis)
        let unreached = Set(analysis.nodesNeverReached)
        var boxes: [Box] = []
        var arrows: [Arrow] = []
        func key(_ node: Int) -> String { "n\(node)" }
        for (index, node) in scenario.nodes.enumerated() {
            var lines: [String] = []
            if let moment = node.moment { lines += Self.wrapped("moment: \(moment.string)") }
            var endings = 0
            for step in node.steps {
                let guardText = Self.guardText(step.condition, otherwise: step.otherwise, in: scenario)
                switch step.action {
                case .show:
                    break
                case .apply(let effects):
                    lines += Self.wrapped(([guardText].compactMap { $0 } + effects.map { $0.written(in: scenario) }).joined(separator: " "))
                case .jump(let target):
                    arrows.append(
                        Arrow(
                            from: key(index), to: key(target), kind: .jump, lines: guardText.map { Self.wrapped($0) } ?? [],
                            onBestPath: best.jumps.contains([index, target])))
                case .end(let ending):
                    let endingKey = "\(key(index))e\(endings)"
                    endings += 1
                    let reachedHere = best.ending.map { $0.node == index && $0.ending == ending } ?? false
                    boxes.append(
                        Box(
                            key: endingKey, title: "\(ending.outcome.rawValue) ending",
                            lines: Self.wrapped(Self.shortened(ending.summary.string)), kind: .ending(ending.outcome),
                            onBestPath: reachedHere, reached: !unreached.contains(index)))
                    arrows.append(
                        Arrow(
                            from: key(index), to: endingKey, kind: .ending, lines: guardText.map { Self.wrapped($0) } ?? [],
                            onBestPath: reachedHere))
                }
            }
            for choice in node.choices {
                var label = Self.wrapped(Self.shortened(choice.text.string))
                if let condition = choice.condition { label += Self.wrapped("[if \(condition.written(in: scenario))]") }
                label += Self.changes(choice.effects, in: scenario)
                arrows.append(
                    Arrow(
                        from: key(index), to: key(choice.target), kind: .choice, lines: label,
                        onBestPath: best.choices.contains(choice.id)))
            }
            if let silence = node.silence {
                var label = ["silence \(silence.seconds)s"]
                if let condition = silence.condition { label += Self.wrapped("[if \(condition.written(in: scenario))]") }
                label += Self.changes(silence.effects, in: scenario)
                if let target = silence.target {
                    arrows.append(
                        Arrow(
                            from: key(index), to: key(target), kind: .silence, lines: label,
                            onBestPath: best.silences.contains(index)))
                } else {
                    // A silence that stays at the decision is the node's own.
                    var said = "silence \(silence.seconds)s"
                    if let condition = silence.condition { said = "[if \(condition.written(in: scenario))] " + said }
                    let effects = silence.effects.map { $0.written(in: scenario) }
                    lines += Self.wrapped(effects.isEmpty ? said : said + ": " + effects.joined(separator: ", "))
                }
            }
            boxes.insert(
                Box(
                    key: key(index), title: node.id, lines: lines, kind: .node(decision: !node.choices.isEmpty),
                    onBestPath: best.nodes.contains(index), reached: !unreached.contains(index)),
                at: boxes.count - endings)
        }
        title = scenario.title
        sourceName = scenario.sourceName
        self.boxes = boxes
        self.arrows = arrows
    }

    /// `[if ...]`, `[else]` or `[else if ...]` as written, or nil for a step that always runs.
    static func guardText(_ condition: Condition?, otherwise: Bool, in scenario: CheckedScenario) -> String? {
        switch (condition, otherwise) {
        case (nil, false): nil
        case (nil, true): "[else]"
        case (let condition?, false): "[if \(condition.written(in: scenario))]"
        case (let condition?, true): "[else if \(condition.written(in: scenario))]"
        }
    }

    /// Score changes on one line, and every other change on a line of its own.
    static func changes(_ effects: [Effect], in scenario: CheckedScenario) -> [String] {
        var scores: [String] = []
        var others: [String] = []
        for effect in effects {
            if case .score = effect { scores.append(effect.written(in: scenario)) } else { others.append(effect.written(in: scenario)) }
        }
        return (scores.isEmpty ? [] : wrapped(scores.joined(separator: ", "))) + others.flatMap { wrapped($0) }
    }

    static func shortened(_ text: String) -> String {
        text.count <= longestText ? text : String(text.prefix(longestText - 1)) + "…"
    }

    /// The text broken into lines of at most `lineWidth` characters, at blanks.
    static func wrapped(_ text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > lineWidth {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

/// The best path the analysis found, played once, so that the jumps it passes through are known as
/// well as its choices.
struct BestPath {
    var choices: Set<String> = []
    /// Nodes where the best path stays silent.
    var silences: Set<Int> = []
    var nodes: Set<Int> = []
    /// Pairs of nodes, one straight after the other on the path.
    var jumps: Set<[Int]> = []
    var ending: (node: Int, ending: Ending)?

    init(_ analysis: Analysis) {
        var session = Session(analysis.scenario)
        for move in analysis.bestPath {
            if let id = move.choiceID {
                choices.insert(id)
                _ = try? session.choose(id)
            } else {
                if let node = analysis.scenario.nodeIndex(named: move.node) { silences.insert(node) }
                _ = try? session.stayedSilent()
            }
        }
        nodes = Set(session.path)
        for (from, to) in zip(session.path, session.path.dropFirst()) { jumps.insert([from, to]) }
        if let ending = session.step.ending, let last = session.path.last { self.ending = (last, ending) }
    }
}
