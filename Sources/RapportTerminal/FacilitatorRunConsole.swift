import RapportLanguage
import RapportWorkshop

/// The facilitator's console, seen from the room (see `ConsoleLink` and `ConsoleClient`). A line
/// typed at the console is handled as if typed at the room's prompt; what answers it (messages,
/// help, the coach notes, a question before an early reveal) goes back to the console alone, and
/// the room's screen changes only as the room's own commands would change it. On every new screen
/// the console is told what the room now sees, and at a decision, its coach notes.
extension FacilitatorRun {
    /// The next line, from the room's keyboard or the console, whichever comes first; sets
    /// `fromConsole` to say which.
    mutating func nextLine(prompt: String, silenceAfter seconds: Int?) -> LineEvent {
        while true {
            if !roomLines.isEmpty {
                fromConsole = false
                return .line(roomLines.removeFirst())
            }
            if !consoleLines.isEmpty {
                fromConsole = true
                return .line(consoleLines.removeFirst())
            }
            console?.prompt(prompt)
            reader.watch(console?.descriptors ?? [])
            let event = reader.read(prompt: prompt, silenceAfter: seconds)
            guard event == .ready else {
                fromConsole = false
                return event
            }
            takeFromConsole()
        }
    }

    /// The answer to a question (`show?`, `tie>`, Enter to close a pane), from whoever asked it:
    /// lines from the other side wait their turn, so neither answers the other's question. Asked at
    /// the console, the question is shown only there, the room's prompt stays as it was, and a
    /// console that goes before answering has said no (`.endOfInput`). `fromConsole` stays the
    /// asker's, so what follows the answer goes to them.
    mutating func answer(atConsole: Bool, prompt question: String) -> LineEvent {
        defer { fromConsole = atConsole }
        while true {
            if atConsole {
                guard console?.isConnected == true || !consoleLines.isEmpty else { return .endOfInput }
                if !consoleLines.isEmpty { return .line(consoleLines.removeFirst()) }
                console?.prompt(question)
            } else if !roomLines.isEmpty {
                return .line(roomLines.removeFirst())
            }
            reader.watch(console?.descriptors ?? [])
            let event = reader.read(prompt: atConsole ? prompt : question, silenceAfter: nil)
            switch event {
            case .ready:
                takeFromConsole()
            case .line(let text) where atConsole:
                roomLines.append(text)
            case .silence:
                continue
            case .rejected(let reason) where atConsole:
                output.write(renderer.style.wrap(reason))
            default:
                return event
            }
        }
    }

    /// What the console has sent since it was last looked at.
    mutating func takeFromConsole() {
        guard let console else { return }
        for event in console.service() {
            switch event {
            case .connected:
                if let consoleRenderer { console.show(consoleRenderer.consoleWelcome(workshop)) }
                tellConsoleOfScreen()
            case .line(let text):
                consoleLines.append(text)
            case .disconnected:
                break
            }
        }
    }

    /// The renderer for whoever typed the line being handled: the console's width and colours, or
    /// the room's.
    var rendererForAsker: FacilitatorRenderer {
        fromConsole ? consoleRenderer ?? renderer : renderer
    }

    /// Text laid out for the console, once it has said how.
    var consoleRenderer: FacilitatorRenderer? {
        console?.consoleStyle.map { FacilitatorRenderer(style: $0, clearsScreen: false) }
    }

    /// An answer to the line being handled, shown to whoever typed it. An answer to a console that
    /// has gone meanwhile is dropped: it may be for the facilitator's eyes only.
    mutating func tell(_ text: String) {
        if fromConsole {
            console?.show(text)
        } else {
            output.write(text)
        }
    }

    /// Tells the console what the room now sees, with the coach notes at a new decision.
    mutating func tellConsoleOfScreen() {
        guard let console, let consoleRenderer else { return }
        let title = screenText().title
        var text: String
        switch screen {
        case .decision:
            text = consoleRenderer.roomNowSees(title + ", open for votes")
            text += consoleRenderer.consolePane("the coach notes", consoleRenderer.notes(optionsOnScreen()))
        case .voted: text = consoleRenderer.roomNowSees(title + ": the vote is in; Enter reveals it")
        default: text = consoleRenderer.roomNowSees(title)
        }
        console.show(text)
    }

    /// The line `:help` gives about the console.
    var consoleHelp: String {
        if let problem = consoleProblem ?? console?.failure { return "No console can connect: \(problem)." }
        if console?.isConnected == true { return "A console is connected: what it types is done here, and answered there." }
        return "For a console the room never sees, run 'rapport facilitate --console' in another terminal."
    }
}
