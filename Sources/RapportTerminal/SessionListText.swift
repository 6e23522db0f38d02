import Foundation
import RapportLanguage
import RapportWorkshop

/// `rapport facilitate --list`: the saved sessions, the most recent first, each with its scenario,
/// teams, votes and where it stands, and how to carry one on.
public struct SessionListText: Sendable {
    public var style: Style

    public init(style: Style) {
        self.style = style
    }

    /// Where a session stands, in words.
    public static func stage(_ record: WorkshopRecord) -> String {
        let votes = record.decisions.count == 1 ? "1 vote" : "\(record.decisions.count) votes"
        switch record.currentStage {
        case .opening: return "not started"
        case .voting: return "\(votes) in, at decision \(record.decisions.count + 1)"
        case .voted: return "\(votes) in, the last not yet revealed"
        case .revealed: return "\(votes) in, at the reveal"
        case .debrief: return "\(votes), in the debrief"
        case .finished: return "\(votes), finished"
        }
    }

    public func render(_ listings: [WorkshopStore.Listing], folder: String) -> String {
        guard !listings.isEmpty else { return "No saved sessions (in \(Sanitizer.clean(folder))).\n" }
        var out = "Saved sessions (in \(Sanitizer.clean(folder))), the most recent first:\n"
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        for listing in listings {
            out += "\n" + style.bold(Sanitizer.clean(listing.name)) + "\n"
            guard let record = listing.record else {
                out += style.wrap("cannot be used: " + Sanitizer.clean(listing.problem ?? ""), indent: "  ")
                continue
            }
            var facts = ["\(Sanitizer.clean(record.scenario.title)) (\(record.scenario.id))"]
            if !record.teams.isEmpty { facts.append("teams " + record.teams.map(Sanitizer.clean).joined(separator: ", ")) }
            if let group = record.group { facts.append("group " + Sanitizer.clean(group)) }
            facts.append(Self.stage(record))
            if let last = record.lastActivity { facts.append("last saved " + formatter.string(from: last)) }
            out += style.wrap(facts.joined(separator: "; "), indent: "  ")
        }
        out += "\n" + style.wrap(
            "Carry one on (or read a finished one's debrief) with 'rapport facilitate --session NAME --resume'; add --export FOLDER for its handout.")
        return out
    }
}
