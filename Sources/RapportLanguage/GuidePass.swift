/// The pass after the usage pass: what the writing guide (docs/writing-scenarios.md) asks of a
/// scenario that teaches, as warnings a writer can turn off with `// rapport: allow RPxxxx`. Each is
/// about choices as written, so it needs no exploring: the best choice always in the same place, a
/// moment with no question for the room, a hard decision with no hint, one coach note on two choices.
/// (Whether a good, a mixed and a poor ending can all be reached needs exploring: the analysis says.)
enum GuidePass {
    /// A decision is hard when its choices' own scores differ by this much, best to worst: more than
    /// the usual gap between a strong choice (+3 or +4) and a tempting poor one (-2 or -3), which
    /// every decision has (docs/writing-scenarios.md, "Calibrating scores").
    static let hardSpread = 7
    /// The best-in-one-place warning needs at least this many decisions to say "most".
    static let decisionsForAPattern = 3

    static func run(_ nodes: [Node], syntax: [NodeSyntax], log: inout DiagnosticLog) {
        guard nodes.count == syntax.count else { return }
        reportMomentsWithoutDiscussion(nodes, syntax: syntax, log: &log)
        reportHardDecisionsWithoutHint(nodes, syntax: syntax, log: &log)
        reportBestChoiceInOnePlace(nodes, syntax: syntax, log: &log)
        reportRepeatedCoachNotes(syntax, log: &log)
    }

    /// What a choice's own score lines add up to, on every dimension together.
    static func ownTotal(_ choice: Choice) -> Int {
        choice.effects.reduce(0) { total, effect in
            if case .score(_, let delta) = effect { return total + delta }
            return total
        }
    }

    static func reportMomentsWithoutDiscussion(_ nodes: [Node], syntax: [NodeSyntax], log: inout DiagnosticLog) {
        for (node, nodeSyntax) in zip(nodes, syntax) where node.moment != nil && node.discuss == nil && !node.choices.isEmpty {
            guard let item = nodeSyntax.items.first(where: { if case .moment = $0.kind { true } else { false } }) else { continue }
            log.report(
                .momentWithoutDiscussion, "the moment '\(node.moment!.string)' has no question for the room", item.span,
                note: "add a 'discuss:' line to this node: a workshop talks it over before voting, and the debrief asks it again")
        }
    }

    static func reportHardDecisionsWithoutHint(_ nodes: [Node], syntax: [NodeSyntax], log: inout DiagnosticLog) {
        for (node, nodeSyntax) in zip(nodes, syntax) where node.choices.count >= 2 && node.hint == nil {
            let totals = node.choices.map(ownTotal)
            let spread = totals.max()! - totals.min()!
            guard spread >= hardSpread else { continue }
            log.report(
                .hardDecisionWithoutHint,
                "the choices at '\(node.id)' score from \(totals.min()!.signedFigure) to \(totals.max()!.signedFigure), and there is no hint",
                nodeSyntax.name.span,
                note: "a decision where choosing well matters this much deserves a 'hint:' that points at what to notice (not at which choice to pick)")
        }
    }

    /// Learners soon notice where the best choice sits; then they choose by place, not by thought.
    static func reportBestChoiceInOnePlace(_ nodes: [Node], syntax: [NodeSyntax], log: inout DiagnosticLog) {
        var places: [Int: [(node: Int, choice: Int)]] = [:]
        var decisions = 0
        for (index, node) in nodes.enumerated() where node.choices.count >= 2 {
            decisions += 1
            let totals = node.choices.map(ownTotal)
            places[totals.firstIndex(of: totals.max()!)!, default: []].append((index, totals.firstIndex(of: totals.max()!)!))
        }
        guard decisions >= decisionsForAPattern,
            let (place, found) = places.max(by: { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) }),
            found.count * 2 > decisions
        else { return }
        let first = found[0]
        let choiceItems = syntax[first.node].items.filter { if case .choice = $0.kind { true } else { false } }
        guard first.choice < choiceItems.count else { return }
        let lines = found.map { String(log.source.line(ofOffset: syntax[$0.node].name.span.start)) }
        log.report(
            .bestChoiceInOnePlace,
            "the best choice is choice \(place + 1) at \(found.count) of \(decisions) decisions",
            choiceItems[first.choice].span,
            note: "learners soon press \(place + 1) without reading; move the best choice elsewhere at some of the decisions on lines \(lines.joined(separator: ", "))")
    }

    /// Two choices with one note: the note says why one choice helps or hurts, so it cannot be true
    /// of both, and the debrief shows it for each.
    static func reportRepeatedCoachNotes(_ syntax: [NodeSyntax], log: inout DiagnosticLog) {
        var seen: [String: Span] = [:]
        for node in syntax {
            for item in node.items {
                guard case .choice(let choice) = item.kind, let coach = choice.details.coach else { continue }
                let key = normalised(log.source.string(coach))
                if let first = seen[key] {
                    log.report(
                        .repeatedCoachNote, "this coach note is also on the choice on line \(log.source.line(ofOffset: first.start))",
                        coach.span,
                        note: "say what this choice in particular does well or costs; the debrief shows each note with its own choice")
                } else {
                    seen[key] = coach.span
                }
            }
        }
    }

    /// Lower case, with blanks run together: notes that differ only in those are the same note.
    static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
