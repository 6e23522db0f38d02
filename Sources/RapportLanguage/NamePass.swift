/// The names the body of a scenario defines, which any node may use before or after the place that
/// defines them.
struct Names {
    /// Every node's name, in file order (with nodes whose name could not be read): the names "did
    /// you mean" chooses among.
    var nodeNames: [String] = []
    /// The first node of each name.
    var nodeIndex: [String: Int] = [:]
    /// Promises in the order they are first made; the first place describes each.
    var promises: [PromiseDefinition] = []
    var promiseIndex: [String: Int] = [:]
    /// Where each promise is first made, in the order of `promises`.
    var promiseSpans: [Span] = []
}

/// The second pass: collects node names (reporting a name used twice) and the promises made with
/// `promise NAME: ...`, anywhere in the file.
enum NamePass {
    static func run(_ nodes: [NodeSyntax], log: inout DiagnosticLog) -> Names {
        var names = Names()
        names.nodeNames = nodes.map(\.name.text)
        for (index, node) in nodes.enumerated() where !node.name.text.isEmpty {
            if let first = names.nodeIndex[node.name.text] {
                log.report(
                    .duplicateNode, "there is already a node named '\(node.name.text)'", node.name.span,
                    note: "the first is on line \(log.source.line(ofOffset: nodes[first].name.span.start)); give this one another name")
            } else {
                names.nodeIndex[node.name.text] = index
            }
        }
        for node in nodes {
            for item in node.items {
                for case .promise(let name, let text) in item.effects where names.promiseIndex[name.text] == nil {
                    if names.promises.count == ScenarioLimits.promises {
                        log.report(
                            .beyondLimit, "a scenario can make at most \(ScenarioLimits.promises) different promises",
                            name.span, note: "reuse a promise's name where the same thing is promised")
                    }
                    names.promiseIndex[name.text] = names.promises.count
                    names.promises.append(
                        PromiseDefinition(name: name.text, description: Sanitizer.clean(log.source.string(text))))
                    names.promiseSpans.append(name.span)
                }
            }
        }
        return names
    }
}

extension NodeItemSyntax {
    /// The changes the line makes: its own, or those under its choice or silence.
    var effects: [EffectSyntax] {
        switch kind {
        case .effect(let effects): effects
        case .choice(let choice): choice.details.effects
        case .silence(let silence): silence.details.effects
        default: []
        }
    }
}
