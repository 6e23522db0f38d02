/// Reads the header: the `key: value` lines before the first node. Values with parts are read into
/// them here, so that the checker works on names and numbers, never on text. Which keys exist, and
/// whether a part is allowed, is the checker's business (`HeaderPass`).
extension Parser {
    mutating func parseHeaderLine(_ line: Span) {
        var index = line.start
        while index < line.end, ASCII.isLetter(source.bytes[index]) || source.bytes[index] == ASCII.minus { index += 1 }
        let keySpan = Span(line.start, index)
        var keyText = source.string(keySpan)
        // A known key written with capitals ('Title:') is reported and read; any other word with
        // capitals is text that does not belong before the first node.
        let knownWithCapitals = keyText != keyText.lowercased() && HeaderPass.keys.contains(keyText.lowercased())
        guard index > line.start, index < line.end, source.bytes[index] == ASCII.colon,
            keyText == keyText.lowercased() || knownWithCapitals
        else {
            report(
                .textBeforeFirstNode, "this line comes before the first node but is not a 'key: value' header line",
                line,
                note: "the header holds lines like 'title: ...'; the conversation itself starts after a line '== start'")
            return
        }
        if knownWithCapitals {
            report(
                .keywordCase, "'\(keyText):' is written with capitals; header keys are lower case", keySpan,
                note: "write '\(keyText.lowercased()):'; Rapport reads keywords, header keys and the words in brackets only in lower case",
                fix: keyText.lowercased())
            keyText = keyText.lowercased()
        }
        let key = NameSyntax(text: keyText, span: keySpan)
        let value = source.text(Span(index + 1, line.end))
        let parts: HeaderValueSyntax =
            switch key.text {
            case "cast": .cast(castMembers(value.span))
            case "dimensions": .dimensions(dimensionNames(value.span))
            case "state": .state(stateDeclarations(value.span))
            case "promises": .promiseScoring(promiseScores(value.span))
            case "silence": .silence(Self.duration(in: source.bytes[value.span.start..<value.span.end]))
            case "silence-line": value.isEmpty ? .text : .line(parseTextLine(value.span))
            default: .text
            }
        syntax.header.append(HeaderFieldSyntax(key: key, value: value, parts: parts))
    }

    /// Who can speak, by full and first name: the customer and the cast as the header names them.
    static func speakerNames(in header: [HeaderFieldSyntax], source: SourceFile) -> Set<String> {
        var names: [String] = []
        for field in header {
            switch (field.key.text, field.parts) {
            case ("customer", _): names.append(source.string(field.value))
            case (_, .cast(let members)): names += members.map(\.name)
            default: break
            }
        }
        var result = Set<String>()
        for name in names where !name.isEmpty {
            result.insert(name)
            if let first = name.split(separator: " ").first { result.insert(String(first)) }
        }
        return result
    }

    /// `Priya Shah (team leader), Sam`
    func castMembers(_ span: Span) -> [CastMemberSyntax] {
        source.splitOnCommas(span).map { part in
            let item = source.trimmed(part)
            var name = source.string(item)
            var role: String?
            if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
                role = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingBlanks()
                name = String(name[..<open]).trimmingBlanks()
            }
            return CastMemberSyntax(name: name, role: role, span: item.isEmpty ? part : item)
        }
    }

    /// `respect, ownership, empathy`
    func dimensionNames(_ span: Span) -> [NameSyntax] {
        source.splitOnCommas(span).map { part in
            let item = source.trimmed(part)
            return NameSyntax(text: source.string(item), span: item.isEmpty ? part : item)
        }
    }

    /// `patience = 3 (0..5), escalated = false`. Limits use `..`, so the commas between declarations
    /// are the only commas.
    func stateDeclarations(_ span: Span) -> [StateDeclarationSyntax] {
        source.splitOnCommas(span).map { part in
            let item = source.trimmed(part)
            let place = item.isEmpty ? part : item
            let text = source.string(item)
            guard let equals = text.firstIndex(of: "=") else {
                return StateDeclarationSyntax(span: place, shape: .notADeclaration(text))
            }
            let name = String(text[..<equals]).trimmingBlanks()
            var initialText = String(text[text.index(after: equals)...]).trimmingBlanks()
            var limitsText: String?
            if let open = initialText.firstIndex(of: "(") {
                guard initialText.hasSuffix(")") else {
                    return StateDeclarationSyntax(span: place, shape: .unclosedLimits(name: name))
                }
                limitsText = String(initialText[initialText.index(after: open)..<initialText.index(before: initialText.endIndex)])
                    .trimmingBlanks()
                initialText = String(initialText[..<open]).trimmingBlanks()
            }
            let initial: ValueSyntax? =
                switch initialText {
                case "true": .boolean(true)
                case "false": .boolean(false)
                default: Self.integer(in: initialText.utf8).map(ValueSyntax.integer)
                }
            var limits: (low: Int, high: Int)?
            if let limitsText, let dots = limitsText.firstRange(of: ".."),
                let low = Self.integer(in: String(limitsText[..<dots.lowerBound]).trimmingBlanks().utf8),
                let high = Self.integer(in: String(limitsText[dots.upperBound...]).trimmingBlanks().utf8)
            {
                limits = (low, high)
            }
            let value = StateValueSyntax(
                name: name, initialText: initialText, initial: initial, limitsText: limitsText, limits: limits)
            return StateDeclarationSyntax(span: place, shape: .declaration(value))
        }
    }

    /// `kept +2, broken -2, open -2`
    func promiseScores(_ span: Span) -> [PromiseScoreSyntax] {
        source.splitOnCommas(span).map { part in
            let item = source.trimmed(part)
            let words = source.string(item).split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2, let points = Self.integer(in: words[1].utf8) else {
                return .malformed(source.string(item), item.isEmpty ? part : item)
            }
            return .score(word: String(words[0]), points: points, span: item)
        }
    }
}
