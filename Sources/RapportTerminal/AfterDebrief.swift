import RapportAnalysis
import RapportEngine
import RapportLanguage

/// What the learner wants after a debrief.
public enum NextStep: Sendable, Equatable {
    case playAgain
    /// Back to the decision at this place among the run's actions, with the state as it was there.
    case retry(fromAction: Int)
    case menu
    case quit
    /// SIGTERM, SIGHUP or SIGQUIT at the question.
    case stop
}

/// How a stretch of practice ended.
public enum PracticeEnd: Sendable, Equatable {
    case quit
    /// The learner asked for the menu of scenarios.
    case menu
    case abandoned
    case terminated
}

extension PracticeRun {
    /// Plays, and after each debrief (when `offeringNext`) asks what next: play again, retry from
    /// a chosen decision, the menu (when `offeringMenu`), or quit. Without `offeringNext` (input
    /// from a script) it ends after the first debrief, as a script expects.
    public mutating func practise(offeringNext: Bool, offeringMenu: Bool) -> PracticeEnd {
        while true {
            switch run() {
            case .abandoned: return .abandoned
            case .terminated: return .terminated
            case .finished: break
            }
            guard offeringNext, let debrief = lastDebrief else { return .quit }
            switch askWhatNext(debrief, offeringMenu: offeringMenu) {
            case .playAgain:
                start(from: Session(scenario), playedForYou: 0, note: "Playing it again from the start.")
            case .retry(let index):
                retry(from: index, debrief: debrief)
            case .menu: return .menu
            case .quit: return .quit
            case .stop: return .terminated
            }
        }
    }

    /// Back at a decision of the last run, with the state as it was there: its actions up to that
    /// decision are played again through the engine, and the new attempt is recorded as a retry.
    mutating func retry(from index: Int, debrief: Debrief) {
        let actions = Array(session.transcript.actions.prefix(index))
        guard let replayed = try? Session.replaying(actions, on: scenario) else {
            start(from: Session(scenario), playedForYou: 0, note: "That decision could not be reached again; starting from the beginning.")
            return
        }
        let label = debrief.decisions.first { $0.index == index }?.label ?? "that decision"
        start(
            from: replayed, playedForYou: index, note: "Back at \(label), as it was. Try it differently.", retrying: true)
    }

    /// The question after the debrief, asked until it has an answer; end of input quits.
    mutating func askWhatNext(_ debrief: Debrief, offeringMenu: Bool) -> NextStep {
        var options: [(String, NextStep?)] = [("Play it again from the start", .playAgain)]
        // Every decision of the run, those played for the learner too, so the numbers stay the same
        // from one retry to the next.
        let decisions = debrief.decisions
        if !decisions.isEmpty { options.append(("Go back to a decision and try it differently", nil)) }
        if offeringMenu { options.append(("Back to the menu of scenarios", .menu)) }
        options.append(("Quit", .quit))
        reader.setCompletions([":quit"])
        while true {
            var text = "\n" + renderer.style.bold("What next?") + "\n"
            for (number, option) in options.enumerated() { text += "  \(number + 1). \(option.0)\n" }
            output.write(text)
            switch reader.read(prompt: "What next? ", silenceAfter: nil) {
            case .line(let line):
                let answer = line.trimmingBlanks().lowercased()
                if answer.isEmpty { continue }
                if [":quit", ":q", "q", "quit"].contains(answer) { return .quit }
                guard let number = Int(answer), options.indices.contains(number - 1) else {
                    output.write("Type a number from 1 to \(options.count).\n")
                    continue
                }
                if let step = options[number - 1].1 { return step }
                switch chooseDecision(decisions, suggested: debrief.focus?.index) {
                case .picked(let index): return .retry(fromAction: index)
                case .back: continue
                case .stop: return .stop
                }
            case .rejected(let reason):
                output.write(renderer.style.wrap(reason))
            case .silence, .ready:
                continue
            case .endOfInput, .interrupt:
                return .quit
            case .terminate:
                return .stop
            }
        }
    }

    enum DecisionPick {
        /// The decision at this place among the run's actions.
        case picked(Int)
        case back
        case stop
    }

    /// The decisions of the run, numbered, the one "For next time" is about marked.
    mutating func chooseDecision(_ decisions: [Debrief.Decision], suggested: Int?) -> DecisionPick {
        var text = "\nWhich decision? (Enter to go back)\n"
        let numberWidth = String(decisions.count).count
        for (number, decision) in decisions.enumerated() {
            let said = decision.chosen.map { "you said \"\(Sanitizer.clean($0))\"" } ?? "you said nothing"
            let mark = decision.index == suggested ? " (for next time)" : ""
            let first = "  " + TextLayout.rightAligned(String(number + 1), width: numberWidth) + ". "
            text += renderer.style.wrap(
                "\(Sanitizer.clean(decision.label))\(mark): \(said)", indent: first,
                rest: String(repeating: " ", count: numberWidth + 4))
        }
        output.write(text)
        while true {
            switch reader.read(prompt: "Decision number> ", silenceAfter: nil) {
            case .line(let line):
                let answer = line.trimmingBlanks()
                if answer.isEmpty { return .back }
                if let number = Int(answer), decisions.indices.contains(number - 1) { return .picked(decisions[number - 1].index) }
                output.write("Type a number from 1 to \(decisions.count), or press Enter to go back.\n")
            case .rejected(let reason):
                output.write(renderer.style.wrap(reason))
            case .silence, .ready:
                continue
            case .endOfInput, .interrupt:
                return .back
            case .terminate:
                return .stop
            }
        }
    }
}
