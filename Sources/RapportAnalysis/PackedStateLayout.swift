import RapportEngine
import RapportLanguage

/// How a reachable state (a `PlayState` and the code of how play stopped there, see `StopCodes`) is
/// packed into a few 32-bit words. Each field gets only the bits its values need: the stop code, the
/// node index, one bit for the silence, two bits per promise, one per watched visit, and each state
/// value as its distance above its lower limit. A typical state fits in one or two words, where a
/// `PlayState` holds three arrays.
///
/// A value's bits come from its declared limits (a yes/no value needs one bit, a number without
/// limits 64). Should play ever produce a value outside them, `pack` says so and the caller switches
/// to `widened(variable:)`, which gives that value all 64 bits: packing is then still exact.
struct PackedStateLayout: Sendable {
    /// A run of bits within one word.
    struct Field: Sendable {
        let word: Int
        let shift: UInt32
        /// The field's bits, not shifted.
        let mask: UInt32

        func read(_ words: [UInt32], at base: Int) -> UInt32 { (words[base + word] >> shift) & mask }

        /// Sets the field in words where it is still zero; `value` must fit in the mask.
        func write(_ value: UInt32, into words: inout [UInt32]) { words[word] |= value << shift }
    }

    /// A state value, stored as its distance above `base`: the low 32 bits of the distance in `low`,
    /// any further bits in `high`.
    struct ValueField: Sendable {
        let base: Int
        /// The largest distance the field can hold.
        let maxDistance: UInt64
        let low: Field
        let high: Field?
    }

    /// What a variable's field is built from: its lowest value and its number of bits.
    private struct ValueRange: Sendable {
        var base: Int
        var bits: Int
    }

    enum PackResult: Equatable {
        case packed
        /// The variable's value is outside the bits the layout gives it.
        case valueOutOfRange(variable: Int)
        /// A node, or a count of values, promises or watched visits, this scenario cannot have.
        case notThisScenario
    }

    let wordCount: Int
    let stop: Field
    let node: Field
    let silenceUsed: Field
    let promises: [Field]
    let watched: [Field]
    let values: [ValueField]
    private let nodeCount: Int
    private let stopCodeLimit: Int
    private let valueRanges: [ValueRange]

    /// The layout for a scenario's states, with `watchedCount` watched visits (as `Rules` counts them)
    /// and stop codes below `stopCodeLimit`.
    init(scenario: CheckedScenario, watchedCount: Int, stopCodeLimit: Int) {
        let ranges = scenario.variables.map { variable -> ValueRange in
            let lowest: Int
            let highest: Int
            switch variable.kind {
            case .integer(let limits?):
                lowest = min(limits.lowerBound, variable.initial)
                highest = max(limits.upperBound, variable.initial)
            case .integer(nil):
                return ValueRange(base: 0, bits: 64)
            case .boolean:
                lowest = min(0, variable.initial)
                highest = max(1, variable.initial)
            }
            // `highest - lowest` can exceed Int.max, but not UInt64.max.
            let span = UInt64(bitPattern: Int64(highest &- lowest))
            return ValueRange(base: lowest, bits: Self.bits(toHold: span))
        }
        self.init(
            nodeCount: scenario.nodes.count, promiseCount: scenario.promises.count, watchedCount: watchedCount,
            stopCodeLimit: stopCodeLimit, valueRanges: ranges)
    }

    private init(nodeCount: Int, promiseCount: Int, watchedCount: Int, stopCodeLimit: Int, valueRanges: [ValueRange]) {
        self.nodeCount = nodeCount
        self.stopCodeLimit = stopCodeLimit
        self.valueRanges = valueRanges
        var word = 0
        var used: UInt32 = 0
        // First fit, in order: a field never straddles two words.
        func place(_ bits: Int) -> Field {
            if Int(used) + bits > 32 {
                word += 1
                used = 0
            }
            let field = Field(word: word, shift: used, mask: UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bits)) - 1))
            used += UInt32(bits)
            return field
        }
        stop = place(Self.bits(toHold: UInt64(max(stopCodeLimit - 1, 0))))
        node = place(Self.bits(toHold: UInt64(max(nodeCount - 1, 0))))
        silenceUsed = place(1)
        promises = (0..<promiseCount).map { _ in place(2) }
        watched = (0..<watchedCount).map { _ in place(1) }
        values = valueRanges.map { range in
            let low = place(min(range.bits, 32))
            let high = range.bits > 32 ? place(range.bits - 32) : nil
            let maxDistance = range.bits == 64 ? UInt64.max : (UInt64(1) << UInt64(range.bits)) - 1
            return ValueField(base: range.base, maxDistance: maxDistance, low: low, high: high)
        }
        wordCount = word + 1
    }

    /// The same layout with all 64 bits for one variable, for a value outside its declared limits.
    func widened(variable: Int) -> PackedStateLayout {
        var ranges = valueRanges
        ranges[variable] = ValueRange(base: 0, bits: 64)
        return PackedStateLayout(
            nodeCount: nodeCount, promiseCount: promises.count, watchedCount: watched.count, stopCodeLimit: stopCodeLimit,
            valueRanges: ranges)
    }

    /// The number of bits for values 0...largest (at least one).
    private static func bits(toHold largest: UInt64) -> Int { max(1, 64 - largest.leadingZeroBitCount) }

    /// Packs a state into `words` (made `wordCount` long), or says why it cannot be.
    func pack(_ state: PlayState, stopCode: Int, into words: inout [UInt32]) -> PackResult {
        guard state.node >= 0, state.node < nodeCount, state.values.count == values.count,
            state.promises.count == promises.count, state.watchedVisits.count == watched.count
        else { return .notThisScenario }
        precondition(stopCode >= 0 && stopCode < stopCodeLimit, "PackedStateLayout: stop code out of range")
        if words.count != wordCount {
            words = [UInt32](repeating: 0, count: wordCount)
        } else {
            for index in words.indices { words[index] = 0 }
        }
        stop.write(UInt32(stopCode), into: &words)
        node.write(UInt32(state.node), into: &words)
        if state.silenceUsed { silenceUsed.write(1, into: &words) }
        for index in promises.indices { promises[index].write(UInt32(state.promises[index].rawValue), into: &words) }
        for index in watched.indices where state.watchedVisits[index] { watched[index].write(1, into: &words) }
        for index in values.indices {
            let field = values[index]
            let value = state.values[index]
            guard value >= field.base || field.maxDistance == .max else { return .valueOutOfRange(variable: index) }
            // The true distance, as wrapping arithmetic gives it modulo 2^64.
            let distance = UInt64(bitPattern: Int64(value &- field.base))
            guard distance <= field.maxDistance else { return .valueOutOfRange(variable: index) }
            field.low.write(UInt32(truncatingIfNeeded: distance), into: &words)
            if let high = field.high { high.write(UInt32(truncatingIfNeeded: distance >> 32), into: &words) }
        }
        return .packed
    }

    /// Unpacks the state whose words start at `base` into `state`, which must have this scenario's
    /// counts of values, promises and watched visits. Element by element, so `state`'s arrays are
    /// reused rather than allocated.
    func unpack(_ words: [UInt32], at base: Int, into state: inout PlayState) {
        state.node = Int(node.read(words, at: base))
        state.silenceUsed = silenceUsed.read(words, at: base) != 0
        for index in promises.indices {
            state.promises[index] = PromiseStatus(rawValue: UInt8(promises[index].read(words, at: base)))!
        }
        for index in watched.indices { state.watchedVisits[index] = watched[index].read(words, at: base) != 0 }
        for index in values.indices {
            let field = values[index]
            var distance = UInt64(field.low.read(words, at: base))
            if let high = field.high { distance |= UInt64(high.read(words, at: base)) << 32 }
            state.values[index] = field.base &+ Int(truncatingIfNeeded: distance)
        }
    }
}
