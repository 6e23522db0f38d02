/// The result of checking a file: every diagnostic, and the checked scenario when there were no errors.
public struct CheckResult: Sendable {
    public let diagnostics: [Diagnostic]
    public let scenario: CheckedScenario?
}

/// Checks a parsed scenario: resolves names, checks types and the shape of the conversation, and
/// builds a `CheckedScenario` when nothing is wrong. All work is linear in the file's size, apart from
/// "did you mean" suggestions, which have a fixed budget.
public struct Checker: Sendable {
    public static let defaultDimensions = ["respect", "ownership", "empathy", "follow-through"]
    static let headerKeys = [
        "title", "customer", "id", "channel", "summary", "cast", "dimensions", "state", "meter", "promises", "silence",
    ]

    /// Parses and checks a file in one call.
    public static func check(_ source: SourceFile) -> CheckResult {
        check(source, halvesThreshold: SourceFile.halvesThreshold)
    }

    /// `halvesThreshold`: see `Parser.parse(_:halvesThreshold:)`.
    static func check(_ source: SourceFile, halvesThreshold: Int) -> CheckResult {
        let (syntax, parseDiagnostics) = Parser.parse(source, halvesThreshold: halvesThreshold)
        if parseDiagnostics.contains(where: { $0.code == .notUTF8 || $0.code == .emptyFile }) {
            return CheckResult(diagnostics: parseDiagnostics, scenario: nil)
        }
        // Handed over, not shared: the checker frees each node's syntax once the node is checked.
        var checker = Checker(source: source, syntax: consume syntax, halvesThreshold: halvesThreshold)
        checker.diagnostics = parseDiagnostics
        let scenario = checker.run()
        let diagnostics = checker.diagnostics.sortedBySource()
        return CheckResult(diagnostics: diagnostics, scenario: diagnostics.hasErrors ? nil : scenario)
    }

    let source: SourceFile
    /// The parsed file. Each node's items are taken out and dropped once the node is checked, and each
    /// effect once it is read (see `checkNodes`).
    var syntax: ScenarioSyntax
    var diagnostics: [Diagnostic] = []
    /// "Did you mean" comparisons left; each suggestion against N names costs N.
    var suggestionBudget = 2_000_000
    /// Suggestions asked for and not yet worked out (see `suggestLater`).
    var pendingSuggestions: [PendingSuggestion] = []
    /// The effects before this one in `syntax.effects` have been read by the nodes checked so far.
    /// Effects are in file order, so no later node reads them.
    var effectsRead = 0
    /// Index into `source.lineStarts` of the line last found by `line(ofOffset:)`.
    var lineCursor = 0

    // Header facts
    var title: String?
    var customer: String?
    var id: String?
    var channel: Channel?
    var summary: String?
    var cast: [CastMember] = []
    var dimensions = Checker.defaultDimensions
    var dimensionsSpan: Span?
    var variables: [Variable] = []
    var variableSpans: [Span] = []
    var variableIndex: [String: Int] = [:]
    /// Names whose declaration was reported as wrong, so their uses are not reported again.
    var brokenVariables = Set<String>()
    var meter: Int?
    var promiseScoring = PromiseScoring.standard
    var defaultSilence: Int?

    // Names found in the body
    var nodeIndex: [String: Int] = [:]
    var promiseIndex: [String: Int] = [:]
    var promises: [PromiseDefinition] = []
    var promiseSpans: [Span] = []
    var speakers: [String: String] = [:]

    // What the body uses, for the warnings
    var variablesRead = IndexMarks()
    var promisesSettled = IndexMarks()
    var dimensionsScored = IndexMarks()


    /// Files from this size up have their nodes checked in two halves at once.
    let halvesThreshold: Int

    init(source: SourceFile, syntax: ScenarioSyntax, halvesThreshold: Int) {
        self.source = source
        self.syntax = syntax
        self.halvesThreshold = halvesThreshold
    }

    mutating func report(
        _ code: DiagnosticCode, _ message: String, _ span: Span, note: String? = nil, fix: String? = nil
    ) {
        let range = source.range(span)
        diagnostics.append(
            Diagnostic(
                code, message, file: source.name, range: range, note: note,
                fixIt: fix.map { FixIt(range: range, replacement: $0) }))
    }

    mutating func suggest(_ word: String, among names: [String]) -> String? {
        guard suggestionBudget >= names.count else { return nil }
        suggestionBudget -= names.count
        return Suggestions.closest(to: word, among: names)
    }

    /// Asks for a "did you mean" on the diagnostic just reported. Suggestions share a budget that is
    /// spent in file order, so they are worked out once every node is checked (`suggestPending`),
    /// which lets the nodes be checked in two halves at once and still spend it in the same order.
    mutating func suggestLater(_ word: String, among names: PendingSuggestion.Names, noteIfFound: String? = nil) {
        pendingSuggestions.append(
            PendingSuggestion(diagnostic: diagnostics.count - 1, word: word, among: names, noteIfFound: noteIfFound))
    }

    /// Works out the suggestions asked for, in the order they were asked for.
    mutating func suggestPending() {
        let pending = pendingSuggestions
        pendingSuggestions = []
        for request in pending {
            let names: [String]
            switch request.among {
            // Sorted: a dictionary's order changes from one run to the next, and with two names
            // equally close, the first one wins.
            case .speakers: names = speakers.keys.sorted()
            case .nodes: names = syntax.nodes.map(\.name.text)
            case .variables: names = variables.map(\.name)
            case .promises: names = promises.map(\.name)
            }
            guard let suggestion = suggest(request.word, among: names) else { continue }
            let old = diagnostics[request.diagnostic]
            diagnostics[request.diagnostic] = Diagnostic(
                old.code, old.message, file: old.file, range: old.range, note: request.noteIfFound ?? old.note,
                fixIt: FixIt(range: old.range, replacement: suggestion), severity: old.severity)
        }
    }

    mutating func run() -> CheckedScenario? {
        checkHeader()
        collectNames()
        let nodes = checkNodes()
        // Started once the nodes are checked, which may keep both cores busy (see `CheckingInHalves`),
        // and waited for only when it is read.
        let fingerprint = PendingFingerprint(source.bytes)
        suggestPending()
        checkGraph(nodes)
        checkUsage()
        guard let title, let customer, !diagnostics.hasErrors else { return nil }
        return CheckedScenario(
            id: id ?? Self.defaultID(for: source.name), title: title, customer: customer, channel: channel,
            summary: summary, cast: cast, dimensions: dimensions, variables: variables, meter: meter,
            promises: promises, promiseScoring: promiseScoring, nodes: nodes, sourceName: source.name,
            fingerprint: fingerprint)
    }

    /// The file's name without folders or extension, made into a valid id.
    static func defaultID(for path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return Parser.suggestedName(name) ?? "scenario"
    }

    // MARK: - Header

    mutating func checkHeader() {
        var seen: [String: Span] = [:]
        for field in syntax.header {
            let key = field.key.text
            guard Self.headerKeys.contains(key) else {
                report(
                    .unknownHeaderKey, "unknown header key '\(key)'", field.key.span,
                    note: "header keys are: \(Self.headerKeys.joined(separator: ", "))",
                    fix: Suggestions.closest(to: key, among: Self.headerKeys))
                continue
            }
            if key != "state", let first = seen[key] {
                report(
                    .duplicateHeaderKey, "'\(key)' is given twice", field.key.span,
                    note: "it was first given on line \(source.location(ofOffset: first.start).line); keep one")
                continue
            }
            seen[key] = field.key.span
            let value = field.value
            let valueText = source.string(value)
            if value.isEmpty, key != "state" {
                report(.missingText, "'\(key):' needs a value", field.key.span, note: "write it after the colon")
                continue
            }
            switch key {
            case "title": title = Sanitizer.clean(valueText)
            case "customer": customer = Sanitizer.clean(valueText)
            case "summary": summary = Sanitizer.clean(valueText)
            case "id":
                if source.isValidName(value.span) {
                    id = valueText
                } else {
                    report(
                        .invalidHeaderValue, "'\(valueText)' is not a valid id", value.span,
                        note: "an id uses letters, digits, '-' and '_'", fix: Parser.suggestedName(valueText))
                }
            case "channel":
                let word = String(valueText.lowercased().map { $0 == "-" ? " " : $0 })
                if let found = Channel(rawValue: word) {
                    channel = found
                } else {
                    report(
                        .invalidHeaderValue, "'\(valueText)' is not a channel", value.span,
                        note: "the channel is one of: phone, chat, email, in person",
                        fix: Suggestions.closest(to: word, among: Channel.allCases.map(\.rawValue)))
                }
            case "cast": checkCast(value)
            case "dimensions": checkDimensions(value)
            case "state": checkState(value)
            case "promises": checkPromiseScoring(value)
            case "silence":
                if let seconds = Parser.duration(in: source, value.span) {
                    defaultSilence = seconds
                } else {
                    report(
                        .malformedDuration, "'\(valueText)' is not a time", value.span,
                        note: "write a time such as 20s, 2m or 1m30s, between 1 second and 60 minutes")
                }
            default: break  // meter: resolved after all state is known
            }
        }
        let top = Span(0, 0)
        if title == nil {
            report(.missingTitle, "the scenario has no title", top, note: "add a line 'title: ...' at the top of the file")
        }
        if customer == nil {
            report(
                .missingCustomer, "the scenario has no customer", top,
                note: "add a line 'customer: NAME' at the top of the file, with the customer's name")
        }
        if let meterField = syntax.header.first(where: { $0.key.text == "meter" }), !meterField.value.isEmpty {
            let name = NameSyntax(text: source.string(meterField.value), span: meterField.value.span)
            if let index = variableIndex[name.text] {
                if variables[index].isBoolean {
                    report(
                        .typeMismatch, "the meter must be a number, but '\(name.text)' is yes/no", name.span,
                        note: "name a number from the state, such as 'patience'")
                } else {
                    meter = index
                }
            } else {
                report(
                    .undefinedVariable, "no state named '\(name.text)'", name.span,
                    note: "the meter names a number declared with 'state:'",
                    fix: Suggestions.closest(to: name.text, among: variables.map(\.name)))
            }
        } else {
            meter = variables.firstIndex { if case .integer(.some) = $0.kind { true } else { false } }
        }
        if let customer {
            speakers[customer] = customer
            if let first = customer.split(separator: " ").first { speakers[String(first)] = String(first) }
        }
        for member in cast {
            speakers[member.name] = member.name
            if let first = member.name.split(separator: " ").first, speakers[String(first)] == nil {
                speakers[String(first)] = String(first)
            }
        }
    }

    mutating func checkCast(_ value: TextSyntax) {
        for part in source.splitOnCommas(value.span) {
            let item = source.trimmed(part)
            var text = source.string(item)
            var role: String?
            if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
                role = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
                    .trimmingBlanks()
                text = String(text[..<open]).trimmingBlanks()
            }
            if text.isEmpty {
                report(
                    .invalidHeaderValue, "an empty name in the cast", item.end > item.start ? item : part,
                    note: "list names separated by commas, each with an optional role in brackets: 'Priya Shah (team leader), Sam'")
                continue
            }
            cast.append(CastMember(name: Sanitizer.clean(text), role: role.map(Sanitizer.clean)))
        }
    }

    mutating func checkDimensions(_ value: TextSyntax) {
        dimensionsSpan = value.span
        var list: [String] = []
        for part in source.splitOnCommas(value.span) {
            let item = source.trimmed(part)
            let name = source.string(item)
            let valid = !name.isEmpty && name.utf8.allSatisfy { ASCII.isLower($0) || $0 == ASCII.minus || ASCII.isDigit($0) }
            if !valid {
                report(
                    .invalidHeaderValue, "'\(name)' is not a valid dimension name", item.end > item.start ? item : part,
                    note: "dimension names use lower-case letters, digits and '-', separated by commas",
                    fix: Parser.suggestedName(name))
            } else if list.contains(name) {
                report(.invalidHeaderValue, "the dimension '\(name)' is listed twice", item, note: "list each dimension once")
            } else {
                list.append(name)
            }
        }
        if !list.isEmpty { dimensions = list }
    }

    /// `state: patience = 3 (0..5), escalated = false`
    mutating func checkState(_ value: TextSyntax) {
        if value.isEmpty {
            report(
                .malformedState, "'state:' needs at least one value", value.span,
                note: "for example 'state: patience = 3 (0..5)' or 'state: escalated = false'")
            return
        }
        // Commas inside the limits' brackets do not separate declarations, but limits use '..' anyway.
        for part in source.splitOnCommas(value.span) {
            let item = source.trimmed(part)
            let text = source.string(item)
            guard let equals = text.firstIndex(of: "=") else {
                report(
                    .malformedState, "'\(text)' is not a state declaration", item.end > item.start ? item : part,
                    note: "write 'name = starting value', with limits for a number: 'patience = 3 (0..5)'")
                continue
            }
            let name = String(text[..<equals]).trimmingBlanks()
            brokenVariables.insert(name)  // until the declaration is known to be good
            var rest = String(text[text.index(after: equals)...]).trimmingBlanks()
            var bounds: ClosedRange<Int>?
            var boundsText: String?
            if let open = rest.firstIndex(of: "(") {
                guard rest.hasSuffix(")") else {
                    report(
                        .malformedState, "the limits of '\(name)' are not closed with ')'", item,
                        note: "write limits as '(0..5)'")
                    continue
                }
                boundsText = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]).trimmingBlanks()
                rest = String(rest[..<open]).trimmingBlanks()
            }
            let nameUTF8 = Array(name.utf8)
            guard !nameUTF8.isEmpty, ASCII.isLetter(nameUTF8[0]), nameUTF8.allSatisfy(ASCII.isNameByte) else {
                report(
                    .invalidName, "'\(name)' is not a valid state name", item,
                    note: "state names use letters, digits, '-' and '_', and start with a letter",
                    fix: Parser.suggestedName(name))
                continue
            }
            if ["true", "false", "not", "and", "or", "promised", "kept", "broken", "visited"].contains(name) {
                report(
                    .invalidName, "'\(name)' is a word conditions use, so it cannot name state", item,
                    note: "choose another name")
                continue
            }
            if variableIndex[name] != nil {
                report(.duplicateVariable, "'\(name)' is declared twice", item, note: "declare each state value once")
                continue
            }
            let kind: Variable.Kind
            let initial: Int
            if rest == "true" || rest == "false" {
                if boundsText != nil {
                    report(.malformedState, "a yes/no value cannot have limits", item, note: "remove the '(...)'")
                    continue
                }
                kind = .boolean
                initial = rest == "true" ? 1 : 0
            } else {
                guard let number = Parser.integer(in: SourceFile(name: "", text: rest), Span(0, rest.utf8.count)) else {
                    report(
                        .malformedNumber, "'\(rest)' is not a whole number or true/false", item,
                        note: "a state value starts as a whole number (with optional limits) or as true or false")
                    continue
                }
                if let boundsText {
                    let pieces = boundsText.splitOnDots()
                    let scratch = pieces.map { SourceFile(name: "", text: $0.trimmingBlanks()) }
                    guard pieces.count == 2,
                        let low = Parser.integer(in: scratch[0], Span(0, scratch[0].bytes.count)),
                        let high = Parser.integer(in: scratch[1], Span(0, scratch[1].bytes.count))
                    else {
                        report(
                            .malformedState, "'(\(boundsText))' are not limits", item,
                            note: "write the lowest and highest values with '..' between them: '(0..5)'")
                        continue
                    }
                    guard low <= high else {
                        report(
                            .outOfBounds, "the limits of '\(name)' go from \(low) down to \(high)", item,
                            note: "write the lowest value first: '(\(high)..\(low))'")
                        continue
                    }
                    guard (low...high).contains(number) else {
                        report(
                            .outOfBounds, "'\(name)' starts at \(number), outside its limits \(low)..\(high)", item,
                            note: "choose a starting value between \(low) and \(high)")
                        continue
                    }
                    bounds = low...high
                }
                kind = .integer(bounds)
                initial = number
            }
            brokenVariables.remove(name)
            variableIndex[name] = variables.count
            variables.append(Variable(name: name, kind: kind, initial: initial))
            variableSpans.append(item)
        }
    }

    /// `promises: kept +2, broken -2, open -2`
    mutating func checkPromiseScoring(_ value: TextSyntax) {
        for part in source.splitOnCommas(value.span) {
            let item = source.trimmed(part)
            let words = source.string(item).split(separator: " ", omittingEmptySubsequences: true)
            let scratch = words.count == 2 ? SourceFile(name: "", text: String(words[1])) : nil
            guard words.count == 2, let scratch, let number = Parser.integer(in: scratch, Span(0, scratch.bytes.count))
            else {
                report(
                    .invalidHeaderValue, "'\(source.string(item))' is not a promise score", item.end > item.start ? item : part,
                    note: "write 'promises: kept +2, broken -2, open -2' (any of the three)")
                continue
            }
            switch words[0] {
            case "kept": promiseScoring.kept = number
            case "broken": promiseScoring.broken = number
            case "open": promiseScoring.open = number
            default:
                report(
                    .invalidHeaderValue, "'\(words[0])' is not kept, broken or open", item,
                    note: "write 'promises: kept +2, broken -2, open -2' (any of the three)",
                    fix: Suggestions.closest(to: String(words[0]), among: ["kept", "broken", "open"]))
            }
        }
    }

    // MARK: - Names in the body

    mutating func collectNames() {
        for (index, node) in syntax.nodes.enumerated() where !node.name.text.isEmpty {
            if let first = nodeIndex[node.name.text] {
                report(
                    .duplicateNode, "there is already a node named '\(node.name.text)'", node.name.span,
                    note: "the first is on line \(syntax.nodes[first].lineNumber(in: source)); give this one another name")
            } else {
                nodeIndex[node.name.text] = index
            }
        }
        // Promises are made by name wherever `promise NAME:` appears; the first place describes it.
        // The effects are kept in file order, so this is the order of the lines.
        syntax.effects.forEach { notePromise($0) }
    }

    mutating func notePromise(_ effect: EffectSyntax) {
        guard case .promise(let name, let text) = effect, promiseIndex[name.text] == nil else { return }
        promiseIndex[name.text] = promises.count
        promises.append(PromiseDefinition(name: name.text, description: Sanitizer.clean(source.string(text))))
        promiseSpans.append(name.span)
    }

    // MARK: - Nodes

    /// Checks the nodes in `range`, whose items are `items` (one list per node, in order), freeing
    /// each node's items and effects once it is checked.
    mutating func checkNodes(_ range: Range<Int>, items: inout [[NodeItemSyntax]]) -> [Node] {
        var nodes: [Node] = []
        nodes.reserveCapacity(range.count)
        for index in range {
            let offset = index - range.lowerBound
            nodes.append(checkNode(index, items: items[offset]))
            // Nothing after this reads a node's items, only its name: freeing them now keeps the
            // whole syntax tree and the whole checked scenario from being in memory at once, and
            // the memory they free is reused for the next nodes rather than taken fresh.
            items[offset] = []
            syntax.effects.drop(before: effectsRead)
        }
        return nodes
    }

    mutating func checkNode(_ index: Int, items: [NodeItemSyntax]) -> Node {
        let node = syntax.nodes[index]
        var steps: [NodeStep] = []
        var choices: [Choice] = []
        var moment: ScenarioText?
        var discuss: ScenarioText?
        var hint: ScenarioText?
        var silence: Silence?
        var certainExit = false
        var reportedUnreachable = false

        // By index: copying each whole item (condition, kind and span) retained all of it.
        for itemIndex in items.indices {
            let itemSpan = items[itemIndex].span
            let unconditional = items[itemIndex].condition == nil
            let lineNumber = line(ofOffset: itemSpan.start)
            let condition = items[itemIndex].condition.flatMap { resolve($0) }
            let executes: Bool
            switch items[itemIndex].kind {
            case .moment, .discuss, .hint, .silence: executes = false
            default: executes = true
            }
            if certainExit, executes, !reportedUnreachable {
                reportedUnreachable = true
                report(
                    .unreachableLine, "this line can never be reached", itemSpan,
                    note: "an earlier '->' or 'end' in this node always leaves it first; move this line above it, or add a condition to the earlier line")
            }
            switch items[itemIndex].kind {
            case .line(let line):
                steps.append(NodeStep(condition: condition, action: .show(resolveLine(line)), line: lineNumber))
            case .jump(let target):
                let targetIndex = resolveNode(target) ?? 0
                steps.append(NodeStep(condition: condition, action: .jump(targetIndex), line: lineNumber))
                if unconditional { certainExit = true }
            case .end(let outcome, let summary):
                steps.append(
                    NodeStep(
                        condition: condition,
                        action: .end(Ending(outcome: outcome, summary: clean(summary))), line: lineNumber))
                if unconditional { certainExit = true }
            case .effect(let effects):
                steps.append(NodeStep(condition: condition, action: .apply(resolveEffects(effects)), line: lineNumber))
            case .moment(let text):
                if firstInNode(moment != nil, "moment", itemSpan) { moment = clean(text) }
            case .discuss(let text):
                if firstInNode(discuss != nil, "discuss", itemSpan) { discuss = clean(text) }
            case .hint(let text):
                if firstInNode(hint != nil, "hint", itemSpan) { hint = clean(text) }
            case .silence(let syntax):
                guard firstInNode(silence != nil, "silence", itemSpan) else { break }
                guard let seconds = syntax.seconds ?? defaultSilence else {
                    report(
                        .missingSilenceTime, "this silence has no time, and the header sets none", itemSpan,
                        note: "write the time here ('silence 20s: ...') or set a default in the header ('silence: 30s')")
                    break
                }
                silence = Silence(
                    seconds: seconds, line: resolveLine(syntax.line), effects: resolveEffects(syntax.details.effects),
                    coach: syntax.details.coach.map { clean($0) },
                    target: syntax.details.target.flatMap { resolveNode($0) }, sourceLine: lineNumber)
            case .choice(let choice):
                let details = choice.details
                var target = 0
                if let targetName = details.target {
                    target = resolveNode(targetName) ?? 0
                } else {
                    report(
                        .choiceLeadsNowhere, "this choice does not say where the conversation goes next", itemSpan,
                        note: "add an indented line '-> NODE' under it, naming the node that follows this choice")
                }
                if details.coach == nil, !choice.text.isEmpty {
                    report(
                        .missingCoachNote, "this choice has no coach note", choice.text.span,
                        note: "add an indented line 'coach: ...' saying, in a sentence or two, why this choice helps or hurts")
                }
                choices.append(
                    Choice(
                        id: "\(node.name.text).\(choices.count + 1)", text: clean(choice.text), condition: condition,
                        effects: resolveEffects(details.effects), coach: details.coach.map { clean($0) }, target: target,
                        line: lineNumber))
            }
        }
        let hasExit = items.contains { item in
            switch item.kind {
            case .choice, .jump, .end: true
            default: false
            }
        }
        if !hasExit {
            report(
                .deadEnd, "the node '\(node.name.text)' is a dead end", node.name.span,
                note: "give it at least one choice ('* ...'), a jump ('-> NODE') or an ending ('end good: ...')")
        }
        return Node(
            id: node.name.text, line: line(ofOffset: node.name.span.start), steps: steps, choices: choices, moment: moment,
            discuss: discuss, hint: hint, silence: silence)
    }

    /// The 1-based line of a byte offset, as `SourceFile.line(ofOffset:)` gives it. Nodes and
    /// their items are checked in file order, so the line is usually found by stepping forward from
    /// the last one rather than by a binary search over every line of the file.
    mutating func line(ofOffset offset: Int) -> Int {
        let starts = source.lineStarts
        if lineCursor < starts.count, Int(starts[lineCursor]) <= offset {
            var steps = 0
            while lineCursor + 1 < starts.count, Int(starts[lineCursor + 1]) <= offset, steps < 64 {
                lineCursor += 1
                steps += 1
            }
            if lineCursor + 1 >= starts.count || Int(starts[lineCursor + 1]) > offset { return lineCursor + 1 }
        }
        let line = source.line(ofOffset: offset)
        lineCursor = line - 1
        return line
    }

    /// False, with a report, when the node already has this one-per-node line.
    mutating func firstInNode(_ alreadySet: Bool, _ what: String, _ span: Span) -> Bool {
        guard alreadySet else { return true }
        report(
            .duplicateInNode, "this node already has a '\(what):' line", span,
            note: "a node has at most one '\(what):'; join them or remove one")
        return false
    }

    mutating func clean(_ text: TextSyntax) -> ScenarioText {
        // Nearly all text has nothing to remove; one scan of its bytes says so, and the text is
        // then that stretch of the file.
        guard source.containsControl(text.span) else { return ScenarioText(bytes: source.bytes, span: text.span) }
        let string = source.string(text)
        let cleaned = Sanitizer.clean(string)
        if Sanitizer.hasControlCharacters(string) {
            report(
                .controlCharacter, "this text has a control character, which will not be shown", text.span,
                note: "remove it: it may be an escape code pasted from a terminal or another program")
        }
        return ScenarioText(cleaned)
    }

    mutating func resolveLine(_ line: LineSyntax) -> Line {
        guard let speaker = line.speaker else { return Line(speaker: nil, text: clean(line.text)) }
        if let known = speakers[speaker.text] { return Line(speaker: known, text: clean(line.text)) }
        if speaker.text.contains(" ") == false || speakers.keys.contains(where: { $0.hasPrefix(speaker.text) }) {
            report(
                .unknownSpeaker, "'\(speaker.text)' is not the customer or in the cast", speaker.span,
                note: "add them to the header ('cast: \(speaker.text)'), or, if this line is narration, start it with '\\'")
            suggestLater(speaker.text, among: .speakers)
        }
        return Line(speaker: nil, text: clean(line.whole))
    }

    mutating func resolveNode(_ name: NameSyntax) -> Int? {
        if let index = nodeIndex[name.text] { return index }
        if !name.text.isEmpty {
            report(
                .undefinedNode, "no node named '\(name.text)'", name.span,
                note: "each '->' must name a node that starts with '== \(name.text)'")
            suggestLater(name.text, among: .nodes)
        }
        return nil
    }

    mutating func resolveVariable(_ name: NameSyntax) -> Int? {
        if let index = variableIndex[name.text] { return index }
        if brokenVariables.contains(name.text) { return nil }
        report(
            .undefinedVariable, "no state named '\(name.text)'", name.span,
            note: "declare it in the header: 'state: \(name.text) = 0'")
        suggestLater(
            name.text, among: .variables, noteIfFound: "if it is new, declare it in the header: 'state: \(name.text) = 0'")
        return nil
    }

    mutating func resolvePromise(_ name: NameSyntax) -> Int? {
        if let index = promiseIndex[name.text] { return index }
        report(
            .undefinedPromise, "no promise named '\(name.text)' is made anywhere", name.span,
            note: "a promise is made with 'promise \(name.text): ...' on a choice or a node")
        suggestLater(
            name.text, among: .promises,
            noteIfFound: "a promise must be made (with 'promise NAME: ...') before it can be kept, broken or tested")
        return nil
    }

    mutating func resolveDimension(_ name: NameSyntax) -> Int? {
        if let index = dimensions.firstIndex(of: name.text) { return index }
        report(
            .unknownDimension, "'\(name.text)' is not a dimension of this scenario", name.span,
            note: "the dimensions are: \(dimensions.joined(separator: ", ")); a scenario can add its own with 'dimensions:' in the header",
            fix: Suggestions.closest(to: name.text, among: dimensions))
        return nil
    }

    mutating func resolveEffects(_ range: Range<Int>) -> [Effect] {
        var result: [Effect] = []
        if range.isEmpty { return result }
        effectsRead = max(effectsRead, range.upperBound)
        // At most one effect for each: reserved at once rather than grown.
        result.reserveCapacity(range.count)
        for index in range {
            switch syntax.effects[index] {
            case .score(let score):
                if let dimension = resolveDimension(score.dimension) {
                    dimensionsScored.insert(dimension)
                    result.append(.score(dimension: dimension, delta: score.delta))
                    if abs(score.delta) > Self.largestScore { reportLargeScore(score) }
                }
            case .set(let assignment):
                if let effect = resolveAssignment(assignment) { result.append(effect) }
            case .promise(let name, _):
                if let index = promiseIndex[name.text] { result.append(.promise(index)) }
            case .keep(let name):
                if let index = resolvePromise(name) {
                    promisesSettled.insert(index)
                    result.append(.keep(index))
                }
            case .breakPromise(let name):
                if let index = resolvePromise(name) {
                    promisesSettled.insert(index)
                    result.append(.breakPromise(index))
                }
            }
        }
        return result
    }

    /// Scores beyond ±3 make one choice outweigh a whole conversation, and make a dimension's range
    /// mean something different here than in other scenarios.
    static let largestScore = 3

    mutating func reportLargeScore(_ score: ScoreSyntax) {
        let sign = score.delta > 0 ? "+" : ""
        report(
            .largeScore, "a score of \(sign)\(score.delta) on '\(score.dimension.text)' is outside Rapport's scale of -3 to +3",
            score.dimension.span,
            note: "use +1 or -1 for a small effect, +2 or -2 for a clear one and +3 or -3 for the strongest, so scores mean the same across scenarios")
    }

    mutating func resolveAssignment(_ assignment: AssignmentSyntax) -> Effect? {
        guard let index = resolveVariable(assignment.variable) else { return nil }
        let variable = variables[index]
        switch (variable.kind, assignment.value) {
        case (.boolean, .boolean(let flag)):
            guard assignment.op == .assign else {
                report(
                    .typeMismatch, "'\(variable.name)' is yes/no, so it cannot be added to or taken from",
                    assignment.variable.span, note: "write '\(variable.name) = true' or '\(variable.name) = false'")
                return nil
            }
            return .set(variable: index, .assign, flag ? 1 : 0)
        case (.integer(let bounds), .integer(let number)):
            if assignment.op == .assign, let bounds, !bounds.contains(number) {
                report(
                    .outOfBounds, "'\(variable.name)' can only be \(bounds.lowerBound)..\(bounds.upperBound), not \(number)",
                    assignment.valueSpan, note: "choose a value within its limits, or widen the limits in the header")
                return nil
            }
            return .set(variable: index, assignment.op, number)
        case (.boolean, .integer):
            report(
                .typeMismatch, "'\(variable.name)' is yes/no, but is given a number", assignment.valueSpan,
                note: "write '\(variable.name) = true' or '\(variable.name) = false'")
        case (.integer, .boolean):
            report(
                .typeMismatch, "'\(variable.name)' is a number, but is given true or false", assignment.valueSpan,
                note: "give it a whole number, or declare a separate yes/no value")
        }
        return nil
    }

    // MARK: - Conditions

    mutating func resolve(_ condition: ConditionSyntax) -> Condition? {
        switch condition {
        case .not(let inner):
            return resolve(inner).map(Condition.not)
        case .and(let left, let right):
            let l = resolve(left)
            let r = resolve(right)
            guard let l, let r else { return nil }
            return .and(l, r)
        case .or(let left, let right):
            let l = resolve(left)
            let r = resolve(right)
            guard let l, let r else { return nil }
            return .or(l, r)
        case .visited(let name):
            return resolveNode(name).map(Condition.visited)
        case .promise(let test, let name):
            return resolvePromise(name).map { .promise(test, $0) }
        case .flag(let name):
            if name.text.isEmpty { return nil }  // unreadable, already reported by the parser
            guard let index = resolveVariable(name) else { return nil }
            variablesRead.insert(index)
            guard variables[index].isBoolean else {
                report(
                    .typeMismatch, "'\(name.text)' is a number, so it is not true or false by itself", name.span,
                    note: "compare it: '\(name.text) > 0'")
                return nil
            }
            return .flag(index)
        case .comparison(let left, let op, let right, let span):
            let l = resolveOperand(left)
            let r = resolveOperand(right)
            guard let (lOperand, lBool) = l, let (rOperand, rBool) = r else { return nil }
            if lBool != rBool {
                report(
                    .typeMismatch, "this compares a yes/no value with a number", span,
                    note: "compare yes/no values with true or false, and numbers with numbers")
                return nil
            }
            if lBool, op != .equal, op != .notEqual {
                report(
                    .typeMismatch, "yes/no values can only be compared with '==' or '!='", span,
                    note: "for example 'escalated == true', or simply 'escalated'")
                return nil
            }
            return .compare(lOperand, op, rOperand)
        }
    }

    /// The operand and whether it is yes/no.
    mutating func resolveOperand(_ operand: OperandSyntax) -> (Operand, Bool)? {
        switch operand {
        case .value(.integer(let number), _): return (.constant(number), false)
        case .value(.boolean(let flag), _): return (.constant(flag ? 1 : 0), true)
        case .variable(let name):
            guard let index = resolveVariable(name) else { return nil }
            variablesRead.insert(index)
            return (.variable(index), variables[index].isBoolean)
        }
    }

    // MARK: - The shape of the conversation

    mutating func checkGraph(_ nodes: [Node]) {
        // With a missing or ambiguous link the shape is unknown; those errors come first.
        let brokenLinks: Set<DiagnosticCode> = [.undefinedNode, .duplicateNode, .choiceLeadsNowhere]
        guard !nodes.isEmpty, !diagnostics.contains(where: { brokenLinks.contains($0.code) }) else { return }
        var reached = [Bool](repeating: false, count: nodes.count)
        var queue = [0]
        reached[0] = true
        var endingReached = false
        while let index = queue.popLast() {
            // Where the node can lead, ignoring conditions: its jumps, then its choices, then its
            // silence. Read field by field, without copying the node or listing the targets first.
            let steps = nodes[index].steps
            for step in steps.indices {
                switch steps[step].action {
                case .end: endingReached = true
                case .jump(let next):
                    if !reached[next] {
                        reached[next] = true
                        queue.append(next)
                    }
                default: break
                }
            }
            let choices = nodes[index].choices
            for choice in choices.indices {
                let next = choices[choice].target
                if !reached[next] {
                    reached[next] = true
                    queue.append(next)
                }
            }
            if let next = nodes[index].silence?.target, !reached[next] {
                reached[next] = true
                queue.append(next)
            }
        }
        if !endingReached {
            report(
                .noEndingReachable, "no ending can be reached from the start", syntax.nodes[0].name.span,
                note: "at least one node that the conversation can reach needs an 'end good:', 'end mixed:' or 'end poor:' line")
        }
        for (index, node) in syntax.nodes.enumerated() where !reached[index] {
            report(
                .unreachableNode, "nothing leads to the node '\(node.name.text)'", node.name.span,
                note: "no choice or '->' from the start reaches it; add a '-> \(node.name.text)' somewhere, or remove the node")
        }
        // A chain of certain jumps that comes back to itself never gives the trainee a choice.
        var certainNext = [Int?](repeating: nil, count: nodes.count)
        for (index, node) in nodes.enumerated() {
            for step in node.steps {
                if case .show = step.action { continue }
                if case .apply = step.action { continue }
                if step.condition != nil { break }
                if case .jump(let target) = step.action { certainNext[index] = target }
                break
            }
        }
        var colour = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on the current chain, 2 done
        for startIndex in nodes.indices where colour[startIndex] == 0 {
            var chain: [Int] = []
            var current: Int? = startIndex
            while let index = current, colour[index] == 0 {
                colour[index] = 1
                chain.append(index)
                current = certainNext[index]
            }
            if let index = current, colour[index] == 1 {
                let loop = chain[chain.firstIndex(of: index)!...].map { nodes[$0].id }
                report(
                    .endlessLoop,
                    "the nodes \(loop.map { "'\($0)'" }.joined(separator: " -> ")) -> '\(nodes[index].id)' jump to each other forever",
                    syntax.nodes[index].name.span,
                    note: "somewhere in this loop, give the trainee a choice or put a condition on a '->'")
            }
            for index in chain { colour[index] = 2 }
        }
    }

    // MARK: - Usage warnings

    mutating func checkUsage() {
        for (index, variable) in variables.enumerated() where !variablesRead.contains(index) && meter != index {
            report(
                .variableNeverRead, "nothing reads the state '\(variable.name)'", variableSpans[index],
                note: "use it in a condition ('[if \(variable.name) ...]') so it changes something, or remove it")
        }
        for (index, promise) in promises.enumerated() where !promisesSettled.contains(index) {
            report(
                .promiseNeverSettled, "the promise '\(promise.name)' is never kept or broken", promiseSpans[index],
                note: "add 'keep: \(promise.name)' or 'break: \(promise.name)' where the scenario finds out whether it was kept; an open promise costs follow-through at the end")
        }
        if !promises.isEmpty, let followThrough = dimensions.firstIndex(of: "follow-through") {
            dimensionsScored.insert(followThrough)
        }
        // Only a declared list is checked: a scenario on the default four may leave one alone.
        guard let dimensionsSpan else { return }
        for (index, dimension) in dimensions.enumerated() where !dimensionsScored.contains(index) {
            report(
                .dimensionNeverScored, "nothing in this scenario scores '\(dimension)'", dimensionsSpan,
                note: "add '\(dimension)' to some choice's 'score:', or remove it from 'dimensions:'")
        }
    }
}

/// A "did you mean" asked for on a diagnostic, to be worked out later (see `Checker.suggestLater`).
struct PendingSuggestion: Sendable {
    enum Names: Sendable {
        case speakers, nodes, variables, promises
    }

    /// Its index in the checker's diagnostics.
    var diagnostic: Int
    var word: String
    var among: Names
    /// The diagnostic's note when a suggestion is found, if it says something different then.
    var noteIfFound: String?
}

extension NodeSyntax {
    func lineNumber(in source: SourceFile) -> Int { source.line(ofOffset: name.span.start) }
}

extension String {
    /// Splits `low..high` at the first `..`.
    func splitOnDots() -> [String] {
        guard let range = firstRange(of: "..") else { return [self] }
        return [String(self[..<range.lowerBound]), String(self[range.upperBound...])]
    }

}
