import RapportAnalysis
import RapportEngine
import RapportLanguage

/// Lays out what a learner sees: the conversation, the choices, feedback, and the debrief. Pure
/// text in, text out; every piece of scenario text is sanitised again here, whatever its source.
public struct PracticeRenderer: Sendable {
    public var style: Style

    public init(style: Style) {
        self.style = style
    }

    func clean(_ text: String) -> String { Sanitizer.clean(text) }
    func clean(_ text: ScenarioText) -> String { Sanitizer.clean(text) }

    // MARK: - The conversation

    public func heading(_ scenario: CheckedScenario) -> String { style.heading(clean(scenario.title)) }

    /// The first screen. `silence` is the range of the scenario's silence timers when they run, so
    /// the learner knows before the first question that the customer will not wait for ever.
    public func introduction(_ scenario: CheckedScenario, assessment: Bool, silence: ClosedRange<Int>? = nil) -> String {
        var out = heading(scenario)
        var setting = "With \(clean(scenario.customer))"
        if let channel = scenario.channel {
            setting =
                switch channel {
                case .phone: "A phone call with \(clean(scenario.customer))"
                case .chat: "A chat with \(clean(scenario.customer))"
                case .email: "An email exchange with \(clean(scenario.customer))"
                case .inPerson: "Face to face with \(clean(scenario.customer))"
                }
        }
        out += style.wrap(setting + ".")
        if let summary = scenario.summary { out += style.wrap(clean(summary)) }
        out += "\n"
        out += style.wrap(
            assessment
                ? "Assessment mode: no feedback and no hints until the debrief. Type a choice's number; :help lists the commands."
                : "Practice mode: after each choice you will see the coach's note and how it scored. Type a choice's number; :help lists the commands.",
            indent: "")
        if let silence {
            let wait = silence.lowerBound == silence.upperBound ? "\(silence.lowerBound) seconds" : "\(silence.lowerBound) to \(silence.upperBound) seconds"
            out += style.wrap(
                "Timers are on: if you say nothing for \(wait), \(clean(scenario.customer)) will speak up. Typing holds them off; rapport play --no-timers turns them off.",
                indent: "")
        }
        return out + "\n"
    }

    public func lines(_ lines: some Sequence<Line>) -> String {
        var out = ""
        for line in lines {
            if let speaker = line.speaker {
                let name = clean(speaker) + ":"
                out += style.wrap(style.bold(name) + " " + clean(line.text), indent: "", rest: "  ")
                    
            } else {
                out += style.wrap(clean(line.text)).styledPerLine(style.italic)
            }
        }
        return out
    }

    /// The choices on offer, numbered, with the moment marker and (in practice) the meter.
    public func decision(_ step: Step, meter: (name: String, value: Int, range: ClosedRange<Int>?)?, showMeter: Bool)
        -> String
    {
        var out = ""
        if let moment = step.moment {
            out += "\n" + style.accent(style.plain ? "A moment that matters: " + TextLayout.sentence(clean(moment)) : "◆ \(clean(moment))") + "\n"
        }
        if showMeter, let meter { out += self.meter(meter) }
        out += "\n"
        let numberWidth = String(step.choices.count).count
        for choice in step.choices {
            let number = TextLayout.rightAligned(String(choice.number), width: numberWidth) + ". "
            let indent = "  " + String(repeating: " ", count: numberWidth + 2)
            out += style.wrap(clean(choice.text), indent: "  " + number, rest: indent)
        }
        return out
    }

    public func meter(_ meter: (name: String, value: Int, range: ClosedRange<Int>?)) -> String {
        let name = meter.name.prefix(1).uppercased() + meter.name.dropFirst()
        guard let range = meter.range else { return "\(name): \(meter.value)\n" }
        if style.plain { return "\(name): \(meter.value) of \(range.upperBound).\n" }
        let filled = meter.value - range.lowerBound
        let empty = range.upperBound - meter.value
        return style.dim(name + " ") + style.accent(String(repeating: "●", count: max(0, filled)))
            + style.dim(String(repeating: "○", count: max(0, empty))) + "\n"
    }

    public func trainee(_ text: String) -> String {
        "\n" + style.wrap(style.bold("You:") + " " + clean(text), indent: "", rest: "  ")
    }

    public func silence() -> String {
        "\n" + style.dim(style.plain ? "You said nothing." : "(You said nothing.)") + "\n"
    }

    /// Practice feedback after a choice: score changes, state changes, promises, the coach's note.
    public func feedback(events: [Event], coach: String?, scenario: CheckedScenario) -> String {
        // A promise in the words it was made with, never its name in the file.
        func words(_ name: String) -> String { clean(scenario.promises.first { $0.name == name }?.description ?? name) }
        var parts: [String] = []
        var scores: [String] = []
        for event in events {
            switch event {
            case .scored(let dimension, let delta, let reason) where reason == .choice || reason == .silence || reason == .node:
                let text = "\(dimension) \(style.signed(delta))"
                scores.append(delta > 0 ? style.good(text) : style.bad(text))
            case .stateChanged(let name, let from, let to) where scenario.meter.map { scenario.variables[$0].name } == name:
                let label = name.prefix(1).uppercased() + name.dropFirst()
                parts.append(style.plain ? "\(label) went from \(from) to \(to)." : "\(label) \(from) → \(to)")
            case .promiseMade(_, let description):
                parts.append("You promised: \(clean(description)).")
            case .promiseKept(let name):
                parts.append(style.good("Promise kept: \(words(name)) (follow-through \(style.signed(scenario.promiseScoring.kept)))."))
            case .promiseBroken(let name):
                parts.append(style.bad("Promise broken: \(words(name)) (follow-through \(style.signed(scenario.promiseScoring.broken)))."))
            case .promiseDropped(let name):
                parts.append("Promise dropped: \(words(name)) (it no longer applies, so it does not score).")
            case .promiseLeftOpen(let name):
                parts.append(style.bad("Promise left open: \(words(name)) (follow-through \(style.signed(scenario.promiseScoring.open)))."))
            default:
                break
            }
        }
        var out = ""
        if !scores.isEmpty { out += "  " + scores.joined(separator: style.plain ? ", " : "  ") + "\n" }
        for part in parts { out += style.wrap(part, indent: "  ") }
        if let coach { out += style.wrap(style.accent("Coach:") + " " + clean(coach), indent: "  ", rest: "    ") }
        return out.isEmpty ? "" : out
    }

    // MARK: - Commands

    public func help(assessment: Bool) -> String {
        var out = "Type the number of a choice, or one of these:\n"
        let commands: [(String, String)] = [
            (":hint", assessment ? "a hint (not in assessment mode)" : "a hint for this decision"),
            (":score", assessment ? "scores (shown in the debrief in assessment mode)" : "your scores so far and the customer's mood"),
            (":promises", "what you have promised"),
            (":restart", assessment ? "not in assessment mode (after the debrief you can play again)" : "start the conversation again"),
            (":quit", "stop here and see the debrief"),
            (":help", "this list"),
        ]
        for (command, meaning) in commands { out += "  " + TextLayout.leftAligned(command, width: 11) + meaning + "\n" }
        out += style.wrap("Ctrl-D also stops with the debrief; Ctrl-C asks before leaving without one.")
        return out
    }

    public func scoresSoFar(_ session: Session) -> String {
        var out = "Scores so far:\n"
        for (name, total) in zip(session.scenario.dimensions, session.totals) {
            out += "  " + TextLayout.leftAligned(name, width: 16) + style.signed(total) + "\n"
        }
        if let current = session.meter { out += self.meter(current) }
        return out
    }

    public func promises(_ session: Session) -> String {
        let made = session.scenario.promises.indices.filter { session.state.promises[$0] != .notMade }
        if made.isEmpty { return "You have not promised anything yet.\n" }
        var out = "Your promises:\n"
        for index in made {
            let promise = session.scenario.promises[index]
            out += style.wrap("\(clean(promise.description)): \(session.state.promises[index].word)", indent: "  - ", rest: "    ")
        }
        return out
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// Applies a style to each line separately, so a wrapped paragraph keeps its style after a
    /// line break and the escape codes never span a newline.
    func styledPerLine(_ apply: (String) -> String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : apply(String($0)) }
            .joined(separator: "\n")
    }
}
