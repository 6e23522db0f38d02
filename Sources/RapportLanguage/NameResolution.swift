/// Part of the node pass: a name used in a node, resolved to the index of what it names, or reported
/// (with the closest known name, if one is close) and nil.
extension NodePass {
    mutating func resolveNode(_ name: NameSyntax) -> Int? {
        if let index = names.nodeIndex[name.text] { return index }
        // An empty name was reported by the parser.
        if !name.text.isEmpty {
            log.report(
                .undefinedNode, "no node named '\(name.text)'", name.span,
                note: "each '->' must name a node that starts with '== \(name.text)'",
                suggesting: name.text, among: names.nodeNames)
        }
        return nil
    }

    mutating func resolveVariable(_ name: NameSyntax) -> Int? {
        if let index = declared.variableIndex[name.text] { return index }
        if declared.brokenVariables.contains(name.text) { return nil }
        log.report(
            .undefinedVariable, "no state named '\(name.text)'", name.span,
            note: "declare it in the header: 'state: \(name.text) = 0'",
            suggesting: name.text, among: variableNames,
            noteIfFound: "if it is new, declare it in the header: 'state: \(name.text) = 0'")
        return nil
    }

    mutating func resolvePromise(_ name: NameSyntax) -> Int? {
        if let index = names.promiseIndex[name.text] { return index }
        log.report(
            .undefinedPromise, "no promise named '\(name.text)' is made anywhere", name.span,
            note: "a promise is made with 'promise \(name.text): ...' on a choice or a node",
            suggesting: name.text, among: promiseNames,
            noteIfFound: "a promise must be made (with 'promise NAME: ...') before it can be kept, broken or tested")
        return nil
    }

    mutating func resolveDimension(_ name: NameSyntax) -> Int? {
        if let index = declared.dimensions.firstIndex(of: name.text) { return index }
        log.report(
            .unknownDimension, "'\(name.text)' is not a dimension of this scenario", name.span,
            note: "the dimensions are: \(declared.dimensions.joined(separator: ", ")); a scenario can add its own with 'dimensions:' in the header",
            fix: Suggestions.closest(to: name.text, among: declared.dimensions))
        return nil
    }
}
