import RapportLanguage
import RapportWorkshop

/// Votes at the facilitator's prompt: read, recorded (asking which way the story goes on a tie) and
/// undone.
extension FacilitatorRun {
    /// Records a vote, asking which way the story goes on a tie; returns `.stopped` if a signal to stop
    /// comes at that question.
    mutating func vote(_ text: String) -> Outcome? {
        let vote: Vote
        do {
            vote = try workshop.parser.parse(text)
        } catch {
            // The message quotes what was typed, and the team names, which a saved session may have
            // had edited: both from outside.
            tell(rendererForAsker.style.wrap(Sanitizer.clean(error.message) + " Nothing was recorded."))
            return nil
        }
        switch workshop.result(of: vote) {
        case .majority(let option):
            record(vote, option: option, tieBroken: false)
            return nil
        case .tie(let options):
            // The room talks the tie over, so it is on the room's screen; the answer comes from
            // whoever typed the vote.
            let counts = vote.counts(optionCount: workshop.step.choices.count)
            output.write(renderer.tie(options, counts: counts))
            if fromConsole { tell(rendererForAsker.tie(options, counts: counts)) }
            let askedAtConsole = fromConsole
            while true {
                let event = answer(atConsole: askedAtConsole, prompt: "tie> ")
                switch event {
                case .line(let answer):
                    let letter = answer.trimmingBlanks().uppercased()
                    if let option = options.first(where: { VoteParser.letter($0) == letter }) {
                        record(vote, option: option, tieBroken: true)
                        return nil
                    }
                    if letter == ":BACK" {
                        tell("The vote was not recorded.\n")
                        return nil
                    }
                    tell("Type \(options.map(VoteParser.letter).joined(separator: " or ")), or :back to vote again.\n")
                case .silence, .ready, .rejected:
                    continue
                case .endOfInput, .interrupt:
                    tell("The vote was not recorded.\n")
                    return nil
                case .terminate:
                    output.write("The vote was not recorded.\n")
                    return stop()
                }
            }
        }
    }

    mutating func record(_ vote: Vote, option: Int, tieBroken: Bool) {
        do {
            try workshop.decide(vote: vote, option: option, tieBroken: tieBroken, at: now())
        } catch {
            tell("That vote could not be recorded: \(error).\n")
            return
        }
        timerLeft = nil
        show(.voted)
    }

    mutating func back() {
        guard workshop.undo() else {
            tell("There is no vote to undo yet.\n")
            return
        }
        show(.decision)
        tell("The last vote is undone.\n")
    }

}
