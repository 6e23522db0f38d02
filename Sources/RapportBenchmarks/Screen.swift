// Linux only: see main.swift.
#if os(Linux)

import RapportEngine

/// What a player's screen would show for a step, built as a front end would build it and then
/// thrown away: random-play figures should include the cost of the text, not only the rules.
enum Screen {
    /// Builds the step's text and returns its length in bytes.
    static func render(_ step: Step) -> Int {
        var screen = ""
        screen.reserveCapacity(1_024)
        for line in step.lines {
            if let speaker = line.speaker {
                screen += speaker
                screen += ": "
            }
            screen += line.text
            screen += "\n"
        }
        for choice in step.choices {
            screen += String(choice.number)
            screen += ". "
            screen += choice.text
            screen += "\n"
        }
        if let ending = step.ending {
            screen += ending.outcome.rawValue
            screen += ": "
            screen += ending.summary
            screen += "\n"
        }
        return screen.utf8.count
    }
}

#endif
