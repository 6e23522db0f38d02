import RapportEngine
import RapportLanguage

/// The explored graph: every reachable state, numbered breadth first from the start, and edges
/// labelled with the action and its score changes.
///
/// Large scenarios reach millions of states, so everything here is stored flat and small: each state
/// packed into `layout.wordCount` words of one array (see `PackedStateLayout`), found again through a
/// `RowIndex` of state numbers; edges in compressed rows of `Int32`; each edge's action and score
/// changes as a number into `EdgeLabels`, usually a byte. A state is unpacked into a `PlayState`
/// only where the rules need one. How each state was first reached is not stored: it follows from
/// the edges (see `parentEdges`).
///
/// The index is needed while states are added, and for `decisionState(matching:)`; nothing in
/// between uses it. So `explore` ends by dropping it (and the room its arrays kept for growing),
/// leaving that memory to the analysis, and `buildIndex` brings it back.
struct StateGraph: Sendable {
    let scenario: CheckedScenario
    let rules: Rules
    let limit: Int
    let dimensionCount: Int
    private var layout: PackedStateLayout
    /// `layout.wordCount` words per state, in state order.
    private var stateWords: [UInt32] = []
    private var stateIndex = RowIndex()
    private var stopCodes = StopCodes()
    private(set) var stateCount = 0
    /// Edges of state i are `edgeStart[i]..<edgeStart[i + 1]`.
    private(set) var edgeStart: [Int32] = []
    private(set) var edgeTargets: [Int32] = []
    /// Each edge's number in `labels`.
    private(set) var edgeLabels = CompactIntArray()
    private(set) var labels: EdgeLabels
    var initialDeltas: [Int]
    var nodesEntered: [Bool]
    /// Whether each choice was ever on offer: node n's choices from `firstChoice[n]`.
    private var choiceOffered: [Bool]
    private let firstChoice: [Int]
    var truncated = false
    /// The words of the state being interned.
    private var scratch: [UInt32] = []

    init(scenario: CheckedScenario, limit: Int) {
        self.scenario = scenario
        // Without the ready-made choice lists: analysis never builds a step.
        self.rules = Rules(scenario, offers: false)
        self.limit = limit
        self.dimensionCount = scenario.dimensions.count
        self.layout = PackedStateLayout(
            scenario: scenario, watchedCount: rules.initialState.watchedVisits.count,
            stopCodeLimit: StopCodes.limit(for: scenario))
        self.labels = EdgeLabels(dimensionCount: scenario.dimensions.count)
        self.initialDeltas = Array(repeating: 0, count: scenario.dimensions.count)
        self.nodesEntered = Array(repeating: false, count: scenario.nodes.count)
        var first: [Int] = []
        var choices = 0
        for node in scenario.nodes {
            first.append(choices)
            choices += node.choices.count
        }
        self.firstChoice = first
        self.choiceOffered = Array(repeating: false, count: choices)
    }

    // MARK: - Exploring

    mutating func explore() {
        var events: [Event]? = nil
        let first = rules.arrive(
            at: scenario.start, from: rules.initialState, deltas: &initialDeltas, events: &events, collectLines: false)
        first.path.forEach { nodesEntered[$0] = true }
        _ = intern(first.state, stop: first.stop)
        // Reused for every state and action: the state being expanded, the state an action leads to,
        // and the buffers `Rules.take` fills.
        var current = rules.initialState
        var successor = rules.initialState
        var deltas = Array(repeating: 0, count: dimensionCount)
        var lines: SharedList<Line> = []
        var path: [Int] = []
        var next = 0
        while next < stateCount {
            let expanding = next
            next += 1
            edgeStart.append(Int32(edgeTargets.count))
            guard stopCode(of: expanding) == StopCodes.decision else { continue }
            if stateCount >= limit {
                truncated = true
                continue
            }
            layout.unpack(stateWords, at: expanding * layout.wordCount, into: &current)
            let visible = rules.visibleChoices(in: current)
            for choice in visible { choiceOffered[firstChoice[current.node] + choice] = true }
            let actionCount = visible.count + (rules.silenceAvailable(in: current) ? 1 : 0)
            for position in 0..<actionCount {
                let action: Rules.Action = position < visible.count ? .choose(visible[position]) : .silence
                for d in 0..<dimensionCount { deltas[d] = 0 }
                // Unpacked again rather than copied from `current`: as cheap, and `successor`'s
                // arrays stay its own, so `take` changes them in place.
                layout.unpack(stateWords, at: expanding * layout.wordCount, into: &successor)
                path.removeAll(keepingCapacity: true)
                let stop = rules.take(
                    action, state: &successor, deltas: &deltas, events: &events, lines: &lines, path: &path,
                    collectLines: false)
                for node in path { nodesEntered[node] = true }
                precondition(edgeTargets.count < Int(Int32.max), "StateGraph: more edges than an Int32 can number")
                let target = intern(successor, stop: stop)
                edgeTargets.append(Int32(target))
                edgeLabels.append(Int(labels.intern(action, deltas: deltas)))
            }
        }
        edgeStart.append(Int32(edgeTargets.count))
        stateIndex = RowIndex()
        stateWords.releaseUnusedCapacity()
        edgeStart.releaseUnusedCapacity()
        edgeTargets.releaseUnusedCapacity()
        edgeLabels.releaseUnusedCapacity()
    }

    /// The number of a state, adding it if it is new.
    private mutating func intern(_ state: PlayState, stop: Rules.Stop) -> Int {
        let code = stopCodes.code(for: stop)
        var packed = layout.pack(state, stopCode: code, into: &scratch)
        while case .valueOutOfRange(let variable) = packed {
            repack(layout.widened(variable: variable))
            packed = layout.pack(state, stopCode: code, into: &scratch)
        }
        precondition(packed == .packed, "StateGraph: play produced a state of another shape")
        let hash = Self.hash(scratch)
        if let existing = find(scratch, hash: hash) { return existing }
        let id = stateCount
        precondition(id < Int(Int32.max), "StateGraph: more states than an Int32 can number")
        if stateIndex.isFull { buildIndex(growing: true) }
        stateWords.append(contentsOf: scratch)
        stateCount += 1
        stateIndex.insertNew(id, hash: hash)
        return id
    }

    private func find(_ words: [UInt32], hash: Int) -> Int? {
        let wordCount = layout.wordCount
        return stateIndex.find(hash: hash) { candidate in
            let start = candidate * wordCount
            for word in 0..<wordCount where stateWords[start + word] != words[word] { return false }
            return true
        }
    }

    private static func hash(_ words: some Collection<UInt32>) -> Int {
        var hash = RowHash()
        for word in words { hash.add(UInt64(word)) }
        return hash.value
    }

    /// Indexes every state: with room for as many again while exploring (`growing`), else just
    /// enough for lookups.
    mutating func buildIndex(growing: Bool = false) {
        // The old index goes first, so the two are never held at once.
        stateIndex = RowIndex()
        let wordCount = layout.wordCount
        stateIndex = RowIndex(rows: stateCount, room: growing ? stateCount * 2 : stateCount) { state in
            Self.hash(stateWords[(state * wordCount)..<((state + 1) * wordCount)])
        }
    }

    /// Packs every state again with a wider layout: for a value play produced outside its limits.
    private mutating func repack(_ wider: PackedStateLayout) {
        var state = rules.initialState
        var words: [UInt32] = []
        var repacked: [UInt32] = []
        repacked.reserveCapacity(stateCount * wider.wordCount)
        for id in 0..<stateCount {
            layout.unpack(stateWords, at: id * layout.wordCount, into: &state)
            let packed = wider.pack(state, stopCode: stopCode(of: id), into: &words)
            precondition(packed == .packed, "StateGraph: a stored state does not fit a wider layout")
            repacked.append(contentsOf: words)
        }
        stateWords = repacked
        layout = wider
        buildIndex(growing: true)
    }

    // MARK: - Reading the graph

    func stopCode(of state: Int) -> Int { Int(layout.stop.read(stateWords, at: state * layout.wordCount)) }

    func stop(of state: Int) -> Rules.Stop { stopCodes.stop(for: stopCode(of: state)) }

    func isDecision(_ state: Int) -> Bool { stopCode(of: state) == StopCodes.decision }

    func isEnding(_ state: Int) -> Bool { StopCodes.isEnding(stopCode(of: state)) }

    func node(of state: Int) -> Int { Int(layout.node.read(stateWords, at: state * layout.wordCount)) }

    /// The decision state equal to `state`, if it was explored. Needs the index (`buildIndex`).
    func decisionState(matching state: PlayState) -> Int? {
        precondition(stateIndex.count == stateCount, "StateGraph: decisionState(matching:) needs buildIndex()")
        var words: [UInt32] = []
        // A state that cannot be packed is not one of these.
        guard layout.pack(state, stopCode: StopCodes.decision, into: &words) == .packed else { return nil }
        return find(words, hash: Self.hash(words))
    }

    func wasOffered(node: Int, choice: Int) -> Bool { choiceOffered[firstChoice[node] + choice] }

    func edges(of state: Int) -> Range<Int> { Int(edgeStart[state])..<Int(edgeStart[state + 1]) }

    func target(ofEdge edge: Int) -> Int { Int(edgeTargets[edge]) }

    func action(ofEdge edge: Int) -> Rules.Action { labels.action(of: edgeLabels[edge]) }

    func deltas(ofEdge edge: Int) -> ArraySlice<Int> { labels.deltas(of: edgeLabels[edge]) }

    /// The state an edge leaves: the last state whose edges start at or before it.
    func source(ofEdge edge: Int) -> Int {
        // The first index whose edges start after `edge`, by binary search.
        var low = 0
        var high = edgeStart.count
        while low < high {
            let middle = (low + high) / 2
            if Int(edgeStart[middle]) <= edge { low = middle + 1 } else { high = middle }
        }
        return min(max(low - 1, 0), stateCount - 1)
    }

    /// The source line of the choice or silence an edge takes.
    func line(ofEdge edge: Int) -> Int {
        let node = scenario.nodes[node(of: source(ofEdge: edge))]
        switch action(ofEdge: edge) {
        case .choose(let index): return node.choices[index].line
        case .silence: return node.silence?.sourceLine ?? node.line
        }
    }

    // MARK: - Paths

    /// The move an edge makes, packed as `Analysis.MovePath` keeps it.
    func move(from state: Int, edge: Int) -> UInt64 {
        Analysis.MovePath.packed(node: node(of: state), action: action(ofEdge: edge))
    }

    /// The edge by which each state was first reached, or -1 for the start. Breadth first, so this
    /// is the last step of a shortest way there. A state is numbered when an edge first leads to it,
    /// and edges are numbered in the order they were added, so that edge is the first one to it.
    func parentEdges() -> [Int32] {
        var parents = [Int32](repeating: -1, count: stateCount)
        for edge in edgeTargets.indices {
            let target = Int(edgeTargets[edge])
            if target != 0 && parents[target] == -1 { parents[target] = Int32(edge) }
        }
        return parents
    }

    /// The shortest way from the start to a state, given `parentEdges()`.
    func pathTo(_ state: Int, parentEdges: [Int32]) -> Analysis.MovePath {
        var moves: [UInt64] = []
        var current = state
        while parentEdges[current] >= 0 {
            let edge = Int(parentEdges[current])
            let parent = source(ofEdge: edge)
            moves.append(move(from: parent, edge: edge))
            current = parent
        }
        moves.reverse()
        return Analysis.MovePath(nodes: scenario.nodes, moves: moves)
    }
}

