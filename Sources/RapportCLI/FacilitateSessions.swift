import Foundation
import RapportLanguage
import RapportWorkshop

/// Which saved session `rapport facilitate` carries on, or which name a new one is saved under.
/// Sessions are kept side by side after the workshop (see `SessionName`), so starting a new one never
/// throws an old one away; what it must not do is start afresh over a session left unfinished by a
/// crash, which is what a facilitator who forgot `--resume` would otherwise do in front of the room.
struct FacilitateSessions {
    let store: WorkshopStore

    /// A reason to stop before the workshop starts: the message, and the exit status.
    struct Refusal: Error {
        let message: String
        let status: Int32
    }

    static func quoted(_ name: String) -> String { name.contains(" ") ? "'\(name)'" : name }

    /// The session `--resume` means: the one named by `--session`; or the argument, read as a
    /// session's name, or else as a scenario whose most recent session it is; or the most recent.
    func sessionToResume(session: String?, argument: String?, scenarioID: (String) -> String?) throws(Refusal) -> String {
        if let session { return session }
        let listings = store.list()
        guard let argument else {
            guard let recent = listings.first else { throw Refusal(message: "there is no saved session to resume", status: 66) }
            return recent.name
        }
        if listings.contains(where: { $0.name == argument }) { return argument }
        let id = scenarioID(argument) ?? argument
        guard let recent = listings.first(where: { $0.record?.scenario.id == id }) else {
            throw Refusal(message: "there is no saved session named '\(Sanitizer.clean(argument))', nor of a scenario with that id; 'rapport facilitate --list' lists them", status: 66)
        }
        return recent.name
    }

    /// The name a new session is saved under. Without `--session`, the scenario's id and the day,
    /// numbered on when a finished session of that name is kept. A session left unfinished under
    /// the name is never started over, unless `restart` says to throw it away.
    func nameForNewSession(session: String?, scenarioID: String, now: Date, restart: Bool) throws(Refusal) -> String {
        if let session {
            try checkFree(session, restart: restart, explicit: true)
            return session
        }
        let base = SessionName.defaultName(scenarioID: scenarioID, on: now)
        var number = 1
        while true {
            let candidate = number == 1 ? base : "\(base)-\(number)"
            do {
                try checkFree(candidate, restart: restart, explicit: false)
                return candidate
            } catch where error.status == 0 {
                number += 1
            }
        }
    }

    /// Throws when `name` is taken: status 0 means "finished and kept, take the next name".
    private func checkFree(_ name: String, restart: Bool, explicit: Bool) throws(Refusal) {
        let record: WorkshopRecord?
        do {
            record = try store.load(session: name)
        } catch {
            guard restart else {
                throw Refusal(
                    message: "\(Sanitizer.clean(error.description))\nStart again with --restart: the file will be moved aside, not deleted.", status: 66)
            }
            return
        }
        guard let record else { return }
        if record.isFinished {
            if !explicit { throw Refusal(message: "", status: 0) }
            if restart { return }
            throw Refusal(
                message: "the finished session \(Self.quoted(name)) is kept; name this one differently with --session, or replace it with --restart",
                status: 1)
        }
        if restart { return }
        let votes = record.decisions.count == 1 ? "1 vote" : "\(record.decisions.count) votes"
        throw Refusal(
            message: "the session \(Self.quoted(name)) of '\(record.scenario.id)' is not finished (\(votes) in). Carry on with 'rapport facilitate --session \(Self.quoted(name)) --resume', start another beside it with --session NAME, or throw it away with --restart.",
            status: 1)
    }
}
