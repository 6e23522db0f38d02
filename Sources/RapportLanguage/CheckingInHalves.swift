/// The nodes of a large file are checked in two halves at once. Checking a node reads the names and
/// the header, which are settled before any node is checked, and otherwise changes only what the
/// checker gathers as it goes: problems, "did you mean" requests, and marks of what was used. Each
/// half gathers its own, and the second half's come after the first's, as in one pass.
extension Checker {
    /// Checks every node, in two halves at once for a large file, and returns them in file order.
    mutating func checkNodes() -> [Node] {
        let count = syntax.nodes.count
        // The items are taken out of the tree, so the two halves can free theirs as they go: both
        // halves share what is left in the tree, the node names, and nothing changes it.
        var items: [[NodeItemSyntax]] = []
        items.reserveCapacity(count)
        for index in syntax.nodes.indices {
            items.append(syntax.nodes[index].items)
            syntax.nodes[index].items = []
        }
        guard source.bytes.count >= halvesThreshold, count >= 2 else { return checkNodes(0..<count, items: &items) }

        let middle = count / 2
        let firstOfSecond = Self.firstEffect(in: items[middle...]) ?? syntax.effects.count
        // Handed over rather than captured: a captured copy would stay alive while the second half
        // runs, and keep all of that half's syntax in memory until the end.
        let handover = Handover((checker: checkerForLaterNodes(), items: Array(items[middle...])))
        items.removeSubrange(middle...)
        // Each half lets go of the other's effects (the second half's checker, made above, still has
        // them), so that each effect is freed once read.
        syntax.effects.drop(from: firstOfSecond)
        let secondJob = BackgroundJob { () -> (Checker, [Node]) in
            var (checker, items) = handover.take()
            checker.syntax.effects.drop(before: firstOfSecond)
            let nodes = checker.checkNodes(middle..<count, items: &items)
            return (checker, nodes)
        }
        var nodes = checkNodes(0..<middle, items: &items)
        let (secondChecker, secondNodes) = secondJob.wait()
        nodes += secondNodes
        join(secondChecker)
        return nodes
    }

    /// A checker for the later nodes: this one, with nothing gathered yet.
    func checkerForLaterNodes() -> Checker {
        var checker = self
        checker.diagnostics = []
        checker.pendingSuggestions = []
        checker.lineCursor = 0
        return checker
    }

    /// Adds what a checker of the later nodes gathered.
    mutating func join(_ other: Checker) {
        let shift = diagnostics.count
        diagnostics += other.diagnostics
        pendingSuggestions += other.pendingSuggestions.map { request in
            var moved = request
            moved.diagnostic += shift
            return moved
        }
        variablesRead.formUnion(other.variablesRead)
        promisesSettled.formUnion(other.promisesSettled)
        dimensionsScored.formUnion(other.dimensionsScored)
    }

    /// The index of the first effect the items use, if any.
    static func firstEffect(in items: ArraySlice<[NodeItemSyntax]>) -> Int? {
        for nodeItems in items {
            for item in nodeItems {
                let range: Range<Int>
                switch item.kind {
                case .effect(let effects): range = effects
                case .choice(let choice): range = choice.details.effects
                case .silence(let silence): range = silence.details.effects
                default: continue
                }
                if !range.isEmpty { return range.lowerBound }
            }
        }
        return nil
    }
}
