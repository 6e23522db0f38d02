/// What the header declares, as the later passes need it.
struct Declarations {
    var title: String?
    var customer: String?
    var id: String?
    var channel: Channel?
    var summary: String?
    var cast: [CastMember] = []
    var dimensions = Checker.defaultDimensions
    /// Where `dimensions:` lists them; nil when the scenario keeps the default four.
    var dimensionsSpan: Span?
    var variables: [Variable] = []
    /// Where each variable is declared, in the order of `variables`.
    var variableSpans: [Span] = []
    var variableIndex: [String: Int] = [:]
    /// Names whose declaration was reported as wrong, so that their uses are not reported again.
    var brokenVariables: Set<String> = []
    var meter: Int?
    var promiseScoring = PromiseScoring.standard
    /// The time of a silence that gives none, from `silence:`.
    var defaultSilence: Int?
    /// The line of a silence that gives none, from `silence-line:`.
    var defaultSilenceLine: LineSyntax?
    /// Who may speak, by the name a line uses: the customer and the cast, by full and first name.
    var speakers: [String: String] = [:]
}

/// The first pass: the header's keys and values. Each key may be given once (`state:` any number of
/// times) and must have a value; `state:` declarations are checked in `StateDeclarations.swift`.
struct HeaderPass {
    static let keys = [
        "title", "customer", "id", "channel", "summary", "cast", "dimensions", "state", "meter", "promises", "silence",
        "silence-line",
    ]

    var log: DiagnosticLog
    var declared = Declarations()
    var source: SourceFile { log.source }

    static func run(_ header: [HeaderFieldSyntax], log: inout DiagnosticLog) -> Declarations {
        var pass = HeaderPass(log: log)
        pass.check(header)
        log = pass.log
        return pass.declared
    }

    mutating func check(_ header: [HeaderFieldSyntax]) {
        var seen: [String: Span] = [:]
        for field in header {
            let key = field.key.text
            guard Self.keys.contains(key) else {
                log.report(
                    .unknownHeaderKey, "unknown header key '\(key)'", field.key.span,
                    note: "header keys are: \(Self.keys.joined(separator: ", "))",
                    fix: Suggestions.closest(to: key, among: Self.keys))
                continue
            }
            if key != "state", let first = seen[key] {
                log.report(
                    .duplicateHeaderKey, "'\(key)' is given twice", field.key.span,
                    note: "it was first given on line \(source.line(ofOffset: first.start)); keep one")
                continue
            }
            seen[key] = field.key.span
            if field.value.isEmpty, key != "state" {
                log.report(.missingText, "'\(key):' needs a value", field.key.span, note: "write it after the colon")
                continue
            }
            checkValue(of: field)
        }
        let top = Span(0, 0)
        if declared.title == nil {
            log.report(.missingTitle, "the scenario has no title", top, note: "add a line 'title: ...' at the top of the file")
        }
        if declared.customer == nil {
            log.report(
                .missingCustomer, "the scenario has no customer", top,
                note: "add a line 'customer: NAME' at the top of the file, with the customer's name")
        }
        // After the loop: the meter names state, which may be declared below it.
        checkMeter(header.first { $0.key.text == "meter" })
        declareSpeakers()
    }

    mutating func checkValue(of field: HeaderFieldSyntax) {
        let value = field.value
        let text = source.string(value)
        switch field.parts {
        case .cast(let members): checkCast(members)
        case .dimensions(let names): checkDimensions(names, listedAt: value.span)
        case .state(let declarations): checkState(declarations, value: value)
        case .promiseScoring(let scores): checkPromiseScoring(scores)
        case .line(let line): declared.defaultSilenceLine = line
        case .silence(let seconds):
            if let seconds {
                declared.defaultSilence = seconds
            } else {
                log.report(
                    .malformedDuration, "'\(text)' is not a time", value.span,
                    note: "write a time such as 20s, 2m or 1m30s, between 1 second and 60 minutes")
            }
        case .text:
            switch field.key.text {
            case "title": declared.title = Sanitizer.clean(text)
            case "customer": declared.customer = Sanitizer.clean(text)
            case "summary": declared.summary = Sanitizer.clean(text)
            case "id":
                if source.isValidName(value.span) {
                    declared.id = text
                } else {
                    log.report(
                        .invalidHeaderValue, "'\(text)' is not a valid id", value.span,
                        note: "an id uses letters, digits, '-' and '_'", fix: Parser.suggestedName(text))
                }
            case "channel":
                let word = String(text.lowercased().map { $0 == "-" ? " " : $0 })
                if let channel = Channel(rawValue: word) {
                    declared.channel = channel
                } else {
                    log.report(
                        .invalidHeaderValue, "'\(text)' is not a channel", value.span,
                        note: "the channel is one of: phone, chat, email, in person",
                        fix: Suggestions.closest(to: word, among: Channel.allCases.map(\.rawValue)))
                }
            default: break  // meter: once all state is known
            }
        }
    }

    mutating func checkCast(_ members: [CastMemberSyntax]) {
        for member in members {
            if member.name.isEmpty {
                log.report(
                    .invalidHeaderValue, "an empty name in the cast", member.span,
                    note: "list names separated by commas, each with an optional role in brackets: 'Priya Shah (team leader), Sam'")
                continue
            }
            declared.cast.append(CastMember(name: Sanitizer.clean(member.name), role: member.role.map(Sanitizer.clean)))
        }
    }

    mutating func checkDimensions(_ names: [NameSyntax], listedAt span: Span) {
        declared.dimensionsSpan = span
        var list: [String] = []
        for name in names {
            let valid = !name.text.isEmpty && name.text.utf8.allSatisfy { ASCII.isLower($0) || $0 == ASCII.minus || ASCII.isDigit($0) }
            if !valid {
                log.report(
                    .invalidHeaderValue, "'\(name.text)' is not a valid dimension name", name.span,
                    note: "dimension names use lower-case letters, digits and '-', separated by commas",
                    fix: Parser.suggestedName(name.text))
            } else if list.contains(name.text) {
                log.report(
                    .invalidHeaderValue, "the dimension '\(name.text)' is listed twice", name.span, note: "list each dimension once")
            } else if list.count == ScenarioLimits.dimensions {
                log.report(
                    .beyondLimit, "a scenario can score at most \(ScenarioLimits.dimensions) dimensions", name.span,
                    note: "a learner can keep a handful of dimensions in mind; choose the ones that matter here")
            } else {
                list.append(name.text)
            }
        }
        if !list.isEmpty { declared.dimensions = list }
    }

    /// `promises: kept +2, broken -2, open -2`
    mutating func checkPromiseScoring(_ scores: [PromiseScoreSyntax]) {
        let note = "write 'promises: kept +2, broken -2, open -2' (any of the three)"
        for score in scores {
            switch score {
            case .malformed(let text, let span):
                log.report(.invalidHeaderValue, "'\(text)' is not a promise score", span, note: note)
            case .score("kept", let points, _): declared.promiseScoring.kept = points
            case .score("broken", let points, _): declared.promiseScoring.broken = points
            case .score("open", let points, _): declared.promiseScoring.open = points
            case .score(let word, _, let span):
                log.report(
                    .invalidHeaderValue, "'\(word)' is not kept, broken or open", span, note: note,
                    fix: Suggestions.closest(to: word, among: ["kept", "broken", "open"]))
            }
        }
    }

    /// `meter: patience` names a number of the state; without it, the first number with limits.
    mutating func checkMeter(_ field: HeaderFieldSyntax?) {
        guard let field, !field.value.isEmpty else {
            declared.meter = declared.variables.firstIndex { if case .integer(.some) = $0.kind { true } else { false } }
            return
        }
        let name = source.string(field.value)
        if let index = declared.variableIndex[name] {
            if declared.variables[index].isBoolean {
                log.report(
                    .typeMismatch, "the meter must be a number, but '\(name)' is yes/no", field.value.span,
                    note: "name a number from the state, such as 'patience'")
            } else {
                declared.meter = index
            }
        } else {
            log.report(
                .undefinedVariable, "no state named '\(name)'", field.value.span,
                note: "the meter names a number declared with 'state:'",
                fix: Suggestions.closest(to: name, among: declared.variables.map(\.name)))
        }
    }

    /// Lines may name the customer or a cast member by full name or by first name alone.
    mutating func declareSpeakers() {
        if let customer = declared.customer {
            declared.speakers[customer] = customer
            if let first = customer.split(separator: " ").first { declared.speakers[String(first)] = String(first) }
        }
        for member in declared.cast {
            declared.speakers[member.name] = member.name
            if let first = member.name.split(separator: " ").first, declared.speakers[String(first)] == nil {
                declared.speakers[String(first)] = String(first)
            }
        }
    }
}
