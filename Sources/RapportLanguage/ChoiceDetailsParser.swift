/// Reads the indented lines under a choice or a silence: its scores and changes to the state, its
/// coach note, and where the conversation goes next.
extension Parser {
    mutating func parseDetail(_ line: Span, into details: inout ChoiceDetailsSyntax) {
        if source.starts(line, with: "[") {
            report(
                .conditionNotAllowed, "the lines under a choice cannot have conditions", line,
                note: "put the condition on the choice itself ('* [if ...] text'), or make two choices")
            return
        }
        if source.bytes[line.start] == ASCII.star {
            report(
                .notAllowedInChoice, "a choice cannot be nested under another choice", line,
                note: "remove the indent to make it a choice of this node, or put it in the node this choice goes to")
            return
        }
        if let target = parseJump(line) {
            if details.target != nil {
                report(
                    .duplicateInChoice, "this choice already has a '->'", line,
                    note: "a choice goes to one node; remove one of the '->' lines")
            } else {
                details.target = target
            }
            return
        }
        guard let keywordLine = keywordLine(line) ?? capitalisedKeywordLine(line, speakers: []) else {
            report(
                .notAllowedInChoice, "this text cannot go under a choice", line,
                note: "under a choice write only score:, coach:, set:, promise, keep:, break:, drop: and '->'; to show a line after the choice, put it at the start of the node the choice goes to")
            return
        }
        reportCapitals(keywordLine)
        let word = source.string(keywordLine.wordSpan).lowercased()
        switch keywordLine.keyword {
        case .coach:
            let value = source.text(keywordLine.value)
            if value.isEmpty {
                report(.missingText, "'coach:' needs a note after it", line, note: "say why this choice helps or hurts, in a sentence or two")
            } else if details.coach != nil {
                report(
                    .duplicateInChoice, "this choice already has a coach note", line,
                    note: "join the two notes into one 'coach:' line")
            } else {
                details.coach = value
            }
        case .score, .set, .promise, .keep, .break, .drop:
            details.effects += parseEffects(keywordLine)
        case .moment, .discuss, .hint, .end, .silence:
            report(
                .notAllowedInChoice, "'\(word)' describes a node, not a choice", line,
                note: "remove the indent and put it before the node's choices, or put it in the node this choice goes to")
        case nil:
            report(
                .unknownKeyword, "unknown keyword '\(word)'", keywordLine.wordSpan,
                note: Self.unknownKeywordNote(Self.detailKeywords + ["->"]),
                fix: Suggestions.closest(to: word, among: Self.detailKeywords))
        }
    }
}
