import RapportLanguage
import RapportWorkshop

/// The debrief at the facilitator's prompt: pages stepped through, listed and chosen, open until the
/// facilitator closes it.
extension FacilitatorRun {
    mutating func debriefCommand(_ command: String, page: Int) -> Outcome? {
        let count = debrief?.count ?? 1
        switch command {
        case "", ":next", "n":
            if showingPageList {
                show(.debrief(page: page))
            } else if part + 1 < screenText().parts(height: renderer.height).count {
                part += 1
                redraw()
            } else if page + 1 < count {
                show(.debrief(page: page + 1))
            } else {
                tell("This is the last page. :end closes the debrief; :pages lists the pages.\n")
            }
        case ":back", "b":
            if part > 0 {
                part -= 1
                redraw()
            } else {
                show(.debrief(page: max(0, page - 1)))
            }
        case ":pages":
            showingPageList = true
            part = 0
            redraw()
            tellConsoleOfScreen()
        case ":show":
            redraw()
        case ":help", "?":
            return facilitatorPane("the commands") { [workshop, consoleHelp] in $0.help(workshop, console: consoleHelp) }
        case ":scores", ":score":
            show(.debrief(page: count >= 2 ? (debrief?.names.firstIndex(of: "Scores") ?? page) : page))
        case ":end", ":quit":
            return close(showingEveryPage: false)
        default:
            if let number = Int(command), (1...count).contains(number) {
                show(.debrief(page: number - 1))
            } else {
                tell("In the debrief: Enter for the next page, :back, :pages, a page's number, or :end to close it.\n")
            }
        }
        return nil
    }

    /// Closes the debrief: the session is finished, and kept. At the end of piped input (a script)
    /// every page is written, so nothing of the debrief is lost. At a terminal, Ctrl-D (asked for
    /// with `showingEveryPage` too, as the end of input) closes it as `:end` does: there the pages
    /// would each be drawn on a cleared screen and flash past, and the facilitator pages on purpose.
    ///
    /// A terminal is told from a pipe by the reader's timers: the readline reader, used only when
    /// input and output are both terminals, is the one that has them; plain lines (a pipe, or
    /// output to a file) do not. That is the question nearest to "is someone typing" that a reader
    /// answers today (a scripted reader in the tests has timers, so it stands for a terminal).
    mutating func close(showingEveryPage: Bool) -> Outcome {
        if case .debrief = screen {} else { show(.debrief(page: 0)) }
        if showingEveryPage, !reader.supportsTimers, case .debrief(let page) = screen, let debrief {
            for next in (page + 1)..<max(page + 1, debrief.count) { show(.debrief(page: next)) }
        }
        if !workshop.record.isFinished {
            workshop.markFinished(at: now())
            persist()
        }
        return .finished
    }
}
