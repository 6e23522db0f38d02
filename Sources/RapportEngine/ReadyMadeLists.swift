import RapportLanguage

/// The lists rules built for random play keep ready, so that a step is made from the rules alone:
/// where each node's lists are (`Offers`), the lists themselves, and how they are read.
extension Rules {
    /// A node's entry in `Rules.offers`: all a step there needs to know without reading the node.
    struct Offers: Sendable {
        /// Where the node's choices start in `offeredChoices`, all of them and then those without a
        /// condition (`unconditionalCount` is 0 when every choice has a condition, none has, or the
        /// node has more than 64).
        var allChoicesStart: Int32 = 0
        var choiceCount: Int32 = 0
        var unconditionalCount: Int32 = 0
        var unconditionalStart: Int { Int(allChoicesStart) + Int(choiceCount) }
        /// A bit for each of the node's choices that has no condition: how a number in the
        /// unconditional list is turned into the choice's place in the node.
        var unconditionalChoices: UInt64 = 0
        /// Where the node's choice conditions start in `tests`, and how many there are (one for
        /// each choice that has a condition), and whether any choice has none: all a step needs to
        /// tell which list it shows, without reading the node's choices (a few cache lines each, on
        /// a node that is usually not in the cache).
        var firstChoiceTest: Int32 = 0
        var choiceTestCount: Int32 = 0
        /// Where the node's choices start in `moves`.
        var firstMove: Int32 = 0
        /// Where the node's step conditions start in `tests`: here rather than in a list of its own,
        /// so arriving at a node waits for one read from memory, not two.
        var firstStepTest: Int32 = 0
        /// The same for the lines a node shows on arrival, for nodes with at most 64 steps (then
        /// `linesReady`): a bit per step index, and where the lines are in `shownLines` when all
        /// are shown and, after them, when exactly those without a condition are.
        var allLinesMask: UInt64 = 0
        var unconditionalLinesMask: UInt64 = 0
        var allLinesStart: Int32 = 0
        var allLinesCount: Int32 = 0
        var unconditionalLinesCount: Int32 = 0
        var unconditionalLinesStart: Int { Int(allLinesStart) + Int(allLinesCount) }
        var stepCount: UInt8 = 0
        var linesReady = false
        /// Every step of the node shows a line: arriving there needs only the tests and these lists,
        /// not the node's steps.
        var onlyShows = false
        var anyUnconditional = false
        /// Whether the node has a moment, discuss prompt, hint or silence (see `Step`).
        var hasExtras = false
        /// Where the node's texts are in `shownTextBytes`.
        var shownTextStart: UInt32 = 0
        var shownTextCount: UInt32 = 0
    }

    /// Moves read ahead with a node's lists: two cache lines, the moves of four choices with a few
    /// effects each.
    static let movesReadAhead = 16

    /// Asks the processor to start reading what a step at `node` will need, now that the node's
    /// entry says where it is: its lines, its choices, their texts, its tests and its moves. Each is
    /// found from the one before (the entry, then a list, then the texts it points to), and on a
    /// large scenario each was a wait for memory in turn; asked for together, they arrive together.
    /// It changes nothing else.
    @inline(__always)
    func readAhead(forStepAt node: Int) {
        let entry = offers[node]
        let lineCount = Int(entry.allLinesCount) + Int(entry.unconditionalLinesCount)
        shownLines.readAhead(Int(entry.allLinesStart)..<(Int(entry.allLinesStart) + lineCount))
        let choiceCount = Int(entry.choiceCount) + Int(entry.unconditionalCount)
        offeredChoices.readAhead(Int(entry.allChoicesStart)..<(Int(entry.allChoicesStart) + choiceCount))
        let textStart = Int(entry.shownTextStart)
        shownTextBytes.readAhead(textStart..<min(textStart + Int(entry.shownTextCount), shownTextBytes.count))
        tests.readAhead(Int(entry.firstChoiceTest)..<(Int(entry.firstChoiceTest) + Int(entry.choiceTestCount)))
        moves.readAhead(Int(entry.firstMove)..<min(Int(entry.firstMove) + Self.movesReadAhead, moves.count))
    }

    /// Turns the bits of the `show` steps shown at a node into lines, in step order, for `lines`
    /// that is still empty: a stretch of the ready-made `shownLines` when all of them, or exactly
    /// those without a condition, were shown.
    func noteLines(_ shown: UInt64, of node: Int, into lines: inout SharedList<Line>) {
        guard shown != 0 else { return }
        let entry = offers[node]
        if shown == entry.allLinesMask {
            lines = SharedList(shownLines, start: Int(entry.allLinesStart), count: Int(entry.allLinesCount))
        } else if shown == entry.unconditionalLinesMask {
            lines = SharedList(
                shownLines, start: entry.unconditionalLinesStart, count: Int(entry.unconditionalLinesCount))
        } else {
            let steps = scenario.nodes[node].steps
            lines.reserveCapacity(shown.nonzeroBitCount)
            for index in steps.indices where shown & (1 << UInt64(index)) != 0 {
                if case .show(let line) = steps[index].action { lines.append(line) }
            }
        }
    }
}

/// Builds the rules' ready-made lists node by node (see `Rules.init`).
struct ReadyMadeLists {
    private(set) var offers: [Rules.Offers] = []
    private(set) var offeredChoices: [OfferedChoice] = []
    private(set) var shownLines: [Line] = []
    private(set) var moves: [PackedEffect] = []
    /// False when an effect was too large to pack: the rules then keep no moves.
    private(set) var allPacked = true
    /// The bytes of the texts the lists point to, once `finish` has run (see `ShownTextStore`).
    private(set) var shownTextBytes: [UInt8] = []
    // The texts shown, kept together, and the number there of each entry's text in `shownLines`
    // and `offeredChoices`.
    private var store = ShownTextStore()
    private var lineTexts: [Int] = []
    private var choiceTexts: [Int] = []
    private var unconditionalLines: [(line: Line, text: Int)] = []

    /// Adds a node's lists and its entry. Its step tests are already in `tests`, from
    /// `firstStepTest`; its choice tests are added after them.
    mutating func add(_ node: Node, firstStepTest: Int32, tests: inout [ConditionTest], others: inout [Condition]) {
        var entry = Rules.Offers()
        entry.firstStepTest = firstStepTest
        // The lines first: the store keeps a node's texts in the order a step shows them.
        let textStart = store.bytes.count
        addLines(of: node, to: &entry)
        let choices = node.choices
        entry.firstChoiceTest = Int32(tests.count)
        entry.firstMove = Int32(moves.count)
        entry.allChoicesStart = Int32(offeredChoices.count)
        entry.choiceCount = Int32(choices.count)
        var conditional = false
        for index in choices.indices {
            let choice = choices[index]
            if let start = PackedEffect.move(to: choice.target, effectCount: choice.effects.count) {
                moves.append(start)
            } else {
                allPacked = false
            }
            for effect in choice.effects {
                if let packed = PackedEffect(effect) { moves.append(packed) } else { allPacked = false }
            }
            offeredChoices.append(OfferedChoice(id: choice.id, number: index + 1, text: choice.text))
            choiceTexts.append(store.keep(choice.text))
            if let condition = choice.condition {
                conditional = true
                tests.append(.make(condition, others: &others))
                entry.choiceTestCount += 1
            } else {
                entry.anyUnconditional = true
                if index < 64 { entry.unconditionalChoices |= 1 << UInt64(index) }
            }
        }
        if conditional, entry.anyUnconditional, choices.count <= 64 {
            precondition(offeredChoices.count == entry.unconditionalStart)
            for index in choices.indices where choices[index].condition == nil {
                entry.unconditionalCount += 1
                offeredChoices.append(
                    OfferedChoice(
                        id: choices[index].id, number: Int(entry.unconditionalCount), text: choices[index].text))
                choiceTexts.append(choiceTexts[Int(entry.allChoicesStart) + index])
            }
        }
        entry.hasExtras = node.moment != nil || node.discuss != nil || node.hint != nil || node.silence != nil
        entry.shownTextStart = UInt32(truncatingIfNeeded: textStart)
        entry.shownTextCount = UInt32(truncatingIfNeeded: store.bytes.count - textStart)
        offers.append(entry)
    }

    /// The lines a node shows on arrival, for a node of at most 64 steps.
    private mutating func addLines(of node: Node, to entry: inout Rules.Offers) {
        let steps = node.steps
        guard steps.count <= 64 else { return }
        entry.linesReady = true
        entry.onlyShows = true
        entry.stepCount = UInt8(steps.count)
        entry.allLinesStart = Int32(shownLines.count)
        unconditionalLines.removeAll(keepingCapacity: true)
        for index in steps.indices {
            guard case .show(let line) = steps[index].action else {
                entry.onlyShows = false
                continue
            }
            entry.allLinesMask |= 1 << UInt64(index)
            let text = store.keep(line.text)
            shownLines.append(line)
            lineTexts.append(text)
            if steps[index].condition == nil {
                entry.unconditionalLinesMask |= 1 << UInt64(index)
                unconditionalLines.append((line, text))
            }
        }
        entry.allLinesCount = Int32(shownLines.count) - entry.allLinesStart
        if entry.unconditionalLinesMask != entry.allLinesMask {
            precondition(shownLines.count == entry.unconditionalLinesStart)
            entry.unconditionalLinesCount = Int32(unconditionalLines.count)
            shownLines.append(contentsOf: unconditionalLines.map(\.line))
            lineTexts.append(contentsOf: unconditionalLines.map(\.text))
        }
    }

    /// Points the lists' texts at the store's one copy, in place, so the lists are not held twice at
    /// once. When the store would not fit 32-bit offsets, the texts stay in the file.
    mutating func finish() {
        guard let texts = store.texts() else { return }
        shownTextBytes = store.bytes
        for index in shownLines.indices {
            shownLines[index] = Line(speaker: shownLines[index].speaker, text: texts[lineTexts[index]])
        }
        for index in offeredChoices.indices {
            let choice = offeredChoices[index]
            offeredChoices[index] = OfferedChoice(id: choice.id, number: choice.number, text: texts[choiceTexts[index]])
        }
    }
}
