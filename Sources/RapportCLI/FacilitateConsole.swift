import ArgumentParser
import Foundation
import RapportLanguage
import RapportTerminal

#if canImport(Glibc)
import Glibc
#endif

/// `rapport facilitate --console`: the facilitator's own screen for the workshop running in another
/// terminal (see `ConsoleClient`).
extension FacilitateCommand {
    func runConsole(folder: ConsoleFolder, style: Style, stateFolder: String) throws {
        if let problem = folder.prepare() { throw Self.fail("no console can connect: \(problem)", 69) }
        let rooms = folder.rooms()
        let wanted = session.map { name in rooms.filter { $0.session == name } } ?? rooms
        guard wanted.count == 1, let room = wanted.first else {
            let running = rooms.map { "  " + Sanitizer.clean($0.session) + (($0.greeting.scenario).map { " (\(Sanitizer.clean($0)))" } ?? "") }
            if rooms.isEmpty {
                throw Self.fail("no workshop is running for a console to join; start one with 'rapport facilitate SCENARIO' in another terminal", 69)
            }
            if let session, wanted.isEmpty {
                throw Self.fail("no workshop named '\(Sanitizer.clean(session))' is running; these are:\n" + running.joined(separator: "\n"), 69)
            }
            throw Self.fail("several workshops are running; name one with --session:\n" + running.joined(separator: "\n"), 64)
        }
        // The other rooms were only asked their names: let them go at once.
        for other in rooms where other.socket !== room.socket { other.socket.close() }
        let interactive = isatty(0) == 1 && isatty(1) == 1
        let readline = interactive ? ReadlineLineReader(historyFile: stateFolder + "/console-history") : nil
        defer { readline?.restore() }
        let reader = AnyLineReader(readline ?? PlainLineReader() as any LineReader)
        var client = ConsoleClient(room: room, reader: reader, output: StandardOutput())
        let width = interactive ? TerminalSize.columns(environment: [:]) ?? style.width : style.width
        switch client.run(width: width, colour: style.colour, plain: plain) {
        case .left, .roomClosed: return
        case .refused(let reason): throw Self.fail(reason, 69)
        case .stopped: throw ExitStatus.stoppedBySignal
        }
    }
}
