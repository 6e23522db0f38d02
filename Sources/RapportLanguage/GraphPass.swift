/// The fourth pass: the shape of the conversation, ignoring conditions. From the start, some ending
/// must be reachable and every node must be; and no chain of certain jumps may come back to itself,
/// which would never give the trainee a choice.
enum GraphPass {
    /// With a missing or ambiguous link the shape is unknown: those errors are reported first, and
    /// this pass then says nothing.
    static let brokenLinks: Set<DiagnosticCode> = [.undefinedNode, .duplicateNode, .choiceLeadsNowhere]

    /// `syntax`: the same nodes as parsed, for where their names stand.
    static func run(_ nodes: [Node], syntax: [NodeSyntax], log: inout DiagnosticLog) {
        guard !nodes.isEmpty, !log.contains(anyOf: brokenLinks) else { return }
        let (reached, endingReached) = reachable(from: 0, in: nodes)
        if !endingReached {
            log.report(
                .noEndingReachable, "no ending can be reached from the start", syntax[0].name.span,
                note: "at least one node that the conversation can reach needs an 'end good:', 'end mixed:' or 'end poor:' line")
        }
        for (index, node) in syntax.enumerated() where !reached[index] {
            log.report(
                .unreachableNode, "nothing leads to the node '\(node.name.text)'", node.name.span,
                note: "no choice or '->' from the start reaches it; add a '-> \(node.name.text)' somewhere, or remove the node")
        }
        reportEndlessLoops(in: nodes, syntax: syntax, log: &log)
    }

    /// Which nodes can be reached from `start` by any jump, choice or silence, and whether any of
    /// them has an ending.
    static func reachable(from start: Int, in nodes: [Node]) -> (reached: [Bool], endingReached: Bool) {
        var reached = [Bool](repeating: false, count: nodes.count)
        var endingReached = false
        var queue = [start]
        reached[start] = true
        while let index = queue.popLast() {
            var next: [Int] = []
            for step in nodes[index].steps {
                switch step.action {
                case .end: endingReached = true
                case .jump(let target): next.append(target)
                default: break
                }
            }
            next += nodes[index].choices.map(\.target)
            if let target = nodes[index].silence?.target { next.append(target) }
            for target in next where !reached[target] {
                reached[target] = true
                queue.append(target)
            }
        }
        return (reached, endingReached)
    }

    /// A node goes on for certain when the first jump or ending among its steps is a jump without a
    /// condition. Following those jumps from each node, a chain that meets itself is a loop.
    static func reportEndlessLoops(in nodes: [Node], syntax: [NodeSyntax], log: inout DiagnosticLog) {
        var certainNext = [Int?](repeating: nil, count: nodes.count)
        for (index, node) in nodes.enumerated() {
            for step in node.steps {
                if case .show = step.action { continue }
                if case .apply = step.action { continue }
                // A step with a condition, or an `[else]`, may not run.
                if step.condition != nil || step.otherwise { break }
                if case .jump(let target) = step.action { certainNext[index] = target }
                break
            }
        }
        enum Mark { case new, onChain, done }
        var marks = [Mark](repeating: .new, count: nodes.count)
        for startIndex in nodes.indices where marks[startIndex] == .new {
            var chain: [Int] = []
            var current: Int? = startIndex
            while let index = current, marks[index] == .new {
                marks[index] = .onChain
                chain.append(index)
                current = certainNext[index]
            }
            if let index = current, marks[index] == .onChain {
                let loop = chain[chain.firstIndex(of: index)!...].map { nodes[$0].id }
                log.report(
                    .endlessLoop,
                    "the nodes \(loop.map { "'\($0)'" }.joined(separator: " -> ")) -> '\(nodes[index].id)' jump to each other forever",
                    syntax[index].name.span,
                    note: "somewhere in this loop, give the trainee a choice or put a condition on a '->'")
            }
            for index in chain { marks[index] = .done }
        }
    }
}
