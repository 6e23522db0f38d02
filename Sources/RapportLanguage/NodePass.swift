/// What the nodes use, for the warnings about what nothing uses (`UsagePass`).
struct Usage {
    var variablesRead: Set<Int> = []
    var promisesSettled: Set<Int> = []
    var dimensionsScored: Set<Int> = []
}

/// The third pass: turns each node's lines into a checked `Node`. Names are resolved to indices
/// (`NameResolution.swift`), conditions and changes to the state are type-checked
/// (`ConditionResolution.swift`, `EffectResolution.swift`), and every text is sanitised. It also
/// reports what is wrong within one node: lines after a certain exit, a detail given twice, a
/// choice that goes nowhere, a node with no way out.
struct NodePass {
    let declared: Declarations
    let names: Names
    var log: DiagnosticLog
    var usage = Usage()
    /// The names "did you mean" chooses among, made once. Speakers are sorted, so that of two names
    /// equally close the same one wins on every run.
    let speakerNames: [String]
    let variableNames: [String]
    let promiseNames: [String]

    var source: SourceFile { log.source }

    static func run(
        _ nodes: [NodeSyntax], declared: Declarations, names: Names, log: inout DiagnosticLog
    ) -> ([Node], Usage) {
        var pass = NodePass(
            declared: declared, names: names, log: log, speakerNames: declared.speakers.keys.sorted(),
            variableNames: declared.variables.map(\.name), promiseNames: names.promises.map(\.name))
        let checked = nodes.map { pass.check($0) }
        log = pass.log
        return (checked, pass.usage)
    }

    mutating func check(_ node: NodeSyntax) -> Node {
        var steps: [NodeStep] = []
        var choices: [Choice] = []
        var moment: ScenarioText?
        var discuss: ScenarioText?
        var hint: ScenarioText?
        var silence: Silence?
        // Set once a jump or an ending without a condition is passed: nothing after it runs.
        var certainExit = false
        var reportedUnreachable = false
        var run = ConditionalRun.none
        // The line of a step in the run of conditional steps above whose condition always holds:
        // then that run always does something, and an `[else]` after it never happens.
        var alwaysHolds: Int?

        for item in node.items {
            let lineNumber = source.line(ofOffset: item.span.start)
            let condition = item.condition.flatMap { resolve($0) }
            let runs: Bool
            switch item.kind {
            case .moment, .discuss, .hint, .silence: runs = false
            default: runs = true
            }
            if certainExit, runs, !reportedUnreachable {
                reportedUnreachable = true
                log.report(
                    .unreachableLine, "this line can never be reached", item.span,
                    note: "an earlier '->' or 'end' in this node always leaves it first; move this line above it, or add a condition to the earlier line")
            }
            let above = run
            run = above.after(item, condition: condition)
            if let otherwise = item.otherwise { checkPlace(ofOtherwise: otherwise, item: item, above: above) }
            if let otherwise = item.otherwise, case .steps = above, item.kind.isStep, let line = alwaysHolds {
                let word = source.string(otherwise).lowercased()
                log.report(
                    .otherwiseNeverHappens, "this '[\(word)]' can never happen: the condition on line \(line) always holds", otherwise,
                    note: "given the limits the header declares, that condition is true whatever the state, so a line of the run above always happens first; change the condition, or remove this line")
            }
            switch (above, run) {
            case (.steps, .steps): break
            default: alwaysHolds = nil  // a new run, or none
            }
            if case .steps = run, alwaysHolds == nil, let condition, certainly(condition) == true { alwaysHolds = lineNumber }
            switch item.kind {
            case .line(let line):
                steps.append(step(item, condition, .show(resolve(line)), lineNumber))
            case .jump(let target):
                steps.append(step(item, condition, .jump(resolveNode(target) ?? 0), lineNumber))
                if leavesForCertain(item, above: above) { certainExit = true }
            case .end(let outcome, let summary):
                let ending = Ending(outcome: outcome, summary: clean(summary))
                steps.append(step(item, condition, .end(ending), lineNumber))
                if leavesForCertain(item, above: above) { certainExit = true }
            case .effect(let effects):
                steps.append(step(item, condition, .apply(resolve(effects)), lineNumber))
            case .moment(let text):
                if firstInNode(moment != nil, "moment", item.span) { moment = clean(text) }
            case .discuss(let text):
                if firstInNode(discuss != nil, "discuss", item.span) { discuss = clean(text) }
            case .hint(let text):
                if firstInNode(hint != nil, "hint", item.span) { hint = clean(text) }
            case .silence(let syntax):
                // An `[else]` silence was reported by the parser; it is not a second silence too.
                if item.otherwise == nil, firstInNode(silence != nil, "silence", item.span) {
                    silence = check(syntax, condition: condition, at: item.span, line: lineNumber)
                }
            case .choice(let choice):
                if choices.count == ScenarioLimits.choicesPerNode {
                    log.report(
                        .beyondLimit,
                        "this is choice \(ScenarioLimits.choicesPerNode + 1) of '\(node.name.text)'; a decision can offer at most \(ScenarioLimits.choicesPerNode)",
                        item.span, note: "a workshop letters the options A to Z; split the decision in two")
                }
                // An `[else]` choice is offered when none of the conditional choices above it is:
                // all of them are tested in the same state, so that is a condition of its own.
                var offered = condition
                if item.otherwise != nil, case .choices(let conditions) = above {
                    offered = ConditionalRun.noneOf(conditions, then: condition)
                }
                choices.append(
                    check(choice, id: "\(node.name.text).\(choices.count + 1)", condition: offered, at: item.span, line: lineNumber))
            }
        }
        let hasExit = node.items.contains { item in
            switch item.kind {
            case .choice, .jump, .end: true
            default: false
            }
        }
        if !hasExit {
            log.report(
                .deadEnd, "the node '\(node.name.text)' is a dead end", node.name.span,
                note: "give it at least one choice ('* ...'), a jump ('-> NODE') or an ending ('end good: ...')")
        }
        return Node(
            id: node.name.text, line: source.line(ofOffset: node.name.span.start), steps: steps, choices: choices,
            moment: moment, discuss: discuss, hint: hint, silence: silence)
    }

    func step(_ item: NodeItemSyntax, _ condition: Condition?, _ action: NodeStep.Action, _ line: Int) -> NodeStep {
        NodeStep(condition: condition, otherwise: item.otherwise != nil, action: action, line: line)
    }

    /// Whether a jump or an ending always leaves the node: it has no condition, or it is the
    /// `[else]` of a run of conditional jumps and endings (one of them always leaves).
    func leavesForCertain(_ item: NodeItemSyntax, above: ConditionalRun) -> Bool {
        guard item.condition == nil else { return false }
        guard item.otherwise != nil else { return true }
        if case .steps(allLeave: true) = above { return true }
        return false
    }

    /// An `[else]` needs conditional lines of its own kind directly above it: lines, jumps, endings
    /// and changes for a line; choices for a choice.
    mutating func checkPlace(ofOtherwise span: Span, item: NodeItemSyntax, above: ConditionalRun) {
        let word = source.string(span).lowercased()
        switch (item.kind, above) {
        case (.silence, _), (.moment, _), (.discuss, _), (.hint, _): return  // reported by the parser
        case (.choice, .choices), (.line, .steps), (.jump, .steps), (.end, .steps), (.effect, .steps): return
        case (.choice, _):
            log.report(
                .misplacedOtherwise, "this '[\(word)]' choice has no choice with a condition directly above it", span,
                note: "an '[\(word)]' choice is offered when none of the '[if ...]' choices just above it is; put it right after them")
        default:
            log.report(
                .misplacedOtherwise, "this '[\(word)]' has no line with a condition directly above it", span,
                note: "an '[\(word)]' line happens when none of the '[if ...]' lines just above it did; put it right after them, or write the condition out")
        }
    }

    mutating func check(_ choice: ChoiceSyntax, id: String, condition: Condition?, at span: Span, line: Int) -> Choice {
        let details = choice.details
        var target = 0
        if let targetName = details.target {
            target = resolveNode(targetName) ?? 0
        } else {
            log.report(
                .choiceLeadsNowhere, "this choice does not say where the conversation goes next", span,
                note: "add an indented line '-> NODE' under it, naming the node that follows this choice")
        }
        if details.coach == nil, !choice.text.isEmpty {
            log.report(
                .missingCoachNote, "this choice has no coach note", choice.text.span,
                note: "add an indented line 'coach: ...' saying, in a sentence or two, why this choice helps or hurts")
        }
        return Choice(
            id: id, text: clean(choice.text), condition: condition, effects: resolve(details.effects),
            coach: details.coach.map { clean($0) }, target: target, line: line)
    }

    /// Nil, reported, when neither the silence nor the header gives a time, or a line.
    mutating func check(_ silence: SilenceSyntax, condition: Condition?, at span: Span, line: Int) -> Silence? {
        let seconds = silence.seconds ?? declared.defaultSilence
        if seconds == nil {
            log.report(
                .missingSilenceTime, "this silence has no time, and the header sets none", span,
                note: "write the time here ('silence 20s: ...') or set a default in the header ('silence: 30s')")
        }
        let said = silence.line ?? declared.defaultSilenceLine
        if said == nil {
            log.report(
                .missingText, "'silence' needs the line that is said when the trainee stays silent", span,
                note: "write it after the colon ('silence 20s: Dana: Hello? Are you still there?'), or give every silence a line in the header ('silence-line: Dana: Hello?')")
        }
        guard let seconds, let said else { return nil }
        return Silence(
            seconds: seconds, condition: condition, line: resolve(said), effects: resolve(silence.details.effects),
            coach: silence.details.coach.map { clean($0) }, target: silence.details.target.flatMap { resolveNode($0) },
            sourceLine: line)
    }

    /// False, with a report, when the node already has this one-a-node line.
    mutating func firstInNode(_ alreadySet: Bool, _ what: String, _ span: Span) -> Bool {
        guard alreadySet else { return true }
        log.report(
            .duplicateInNode, "this node already has a '\(what):' line", span,
            note: "a node has at most one '\(what):'; join them or remove one")
        return false
    }

    /// A line of speech or narration. A speaker-shaped prefix that names no one in the cast is
    /// reported when it is likely meant as a speaker, and the line is shown whole, as narration.
    mutating func resolve(_ line: LineSyntax) -> Line {
        guard let speaker = line.speaker else { return Line(speaker: nil, text: clean(line.text)) }
        if let known = declared.speakers[speaker.text] { return Line(speaker: known, text: clean(line.text)) }
        if !speaker.text.contains(" ") || declared.speakers.keys.contains(where: { $0.hasPrefix(speaker.text) }) {
            log.report(
                .unknownSpeaker, "'\(speaker.text)' is not the customer or in the cast", speaker.span,
                note: "add them to the header ('cast: \(speaker.text)'), or, if this line is narration, start it with '\\'",
                suggesting: speaker.text, among: speakerNames)
        }
        return Line(speaker: nil, text: clean(line.whole))
    }

    /// The text as the trainee will see it, sanitised, with what sanitising changed reported. Text with
    /// nothing to change stays a stretch of the file's bytes (see `ScenarioText`).
    mutating func clean(_ text: TextSyntax) -> ScenarioText {
        guard source.mayNeedCleaning(text.span) else { return ScenarioText(bytes: source.bytes, span: text.span) }
        let (cleaned, change) = Sanitizer.cleaned(source.string(text))
        if let change {
            let (message, note) = Self.warning(about: change)
            log.report(.controlCharacter, message, text.span, note: note)
        }
        return ScenarioText(cleaned)
    }

    /// RP0106's words for the first thing sanitising changed in a text.
    static func warning(about change: Sanitizer.Change) -> (message: String, note: String) {
        let pastedFromATerminal = "remove it: it may be an escape code pasted from a terminal or another program"
        let pastedFromAPage = "remove it: it is invisible, and may have been pasted from a web page or another program"
        switch change {
        case .escapeSequence, .tab:
            return ("this text has a control character, which will not be shown", pastedFromATerminal)
        case .control:
            return ("this text has a control character, which will be shown as \(change.replacement)", pastedFromATerminal)
        case .directionControl:
            return (
                "this text has a character that changes the direction of text, which will be shown as \(change.replacement)",
                pastedFromAPage
            )
        case .invisible:
            return ("this text has an invisible character, which will be shown as \(change.replacement)", pastedFromAPage)
        case .lineSeparator(let scalar):
            return ("this text has a line separator (\(Sanitizer.code(scalar))), which will be shown as a space", pastedFromAPage)
        }
    }
}

extension NodeItemKind {
    /// A line, a jump, an ending or a change: a step that runs on arrival, which an `[else]` line
    /// answers (choices, a silence and the node's descriptions are not).
    var isStep: Bool {
        switch self {
        case .line, .jump, .end, .effect: true
        case .choice, .silence, .moment, .discuss, .hint: false
        }
    }
}
