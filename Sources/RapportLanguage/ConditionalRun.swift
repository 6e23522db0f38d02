/// Part of the node pass: the conditional lines directly above a line, which an `[else]` or
/// `[else if ...]` on it answers. Lines, jumps, endings and changes (the steps that run on arrival)
/// make one kind of run; choices (offered together at the decision) make another. Any other line,
/// a line without a condition, or an `[else]` ends the run.
enum ConditionalRun {
    case none
    /// Steps with conditions; `allLeave` when each is a jump or an ending, so that an `[else]` jump
    /// or ending after them means the node is always left by one of them.
    case steps(allLeave: Bool)
    /// Choices with conditions, with each one's condition (nil where it could not be resolved).
    case choices([Condition?])

    /// The run after `item`, the one below it answers; `condition` is the item's own, resolved.
    func after(_ item: NodeItemSyntax, condition: Condition?) -> ConditionalRun {
        // Only a condition of its own (`[if ...]` or `[else if ...]`) keeps a run going.
        guard item.condition != nil else { return .none }
        switch item.kind {
        case .line, .effect:
            return .steps(allLeave: false)
        case .jump, .end:
            if case .steps(let allLeave) = self { return .steps(allLeave: allLeave) }
            return .steps(allLeave: true)
        case .choice:
            if case .choices(let above) = self { return .choices(above + [condition]) }
            return .choices([condition])
        case .moment, .discuss, .hint, .silence:
            return .none
        }
    }

    /// `not (A or B ...)`, and then `condition` when there is one: when an `[else]` (or `[else if
    /// ...]`) choice is offered, given the conditions of the choices above it.
    static func noneOf(_ above: [Condition?], then condition: Condition?) -> Condition? {
        let known = above.compactMap { $0 }
        guard let first = known.first else { return condition }
        let none = Condition.not(known.dropFirst().reduce(first) { .or($0, $1) })
        return condition.map { .and(none, $0) } ?? none
    }
}
