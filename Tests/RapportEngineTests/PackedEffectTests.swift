import RapportLanguage
import Testing

@testable import RapportEngine

@Suite struct PackedEffectTests {
    @Test(arguments: [
        Effect.score(dimension: 3, delta: -2), .score(dimension: 0, delta: 1_000_000),
        .set(variable: 1, .assign, -7), .set(variable: 65_535, .add, 2), .set(variable: 0, .subtract, 1),
        .promise(4), .keep(0), .breakPromise(12),
    ])
    func packsAndUnpacksToItself(_ effect: Effect) throws {
        #expect(try #require(PackedEffect(effect)).effect == effect)
        #expect(MemoryLayout<PackedEffect>.size == 8)
    }

    /// Numbers that do not fit leave the rules without moves (they play from the nodes' own lists).
    @Test(arguments: [Effect.score(dimension: 0, delta: 1 << 40), .set(variable: 70_000, .assign, 1), .keep(1 << 20)])
    func refusesWhatDoesNotFit(_ effect: Effect) {
        #expect(PackedEffect(effect) == nil)
    }

    /// A move starts with a word of its own: where it leads and how many effects follow.
    @Test(arguments: [(0, 0), (12, 3), (Int(Int32.max), 65_535)])
    func startsAMove(target: Int, effectCount: Int) throws {
        let start = try #require(PackedEffect.move(to: target, effectCount: effectCount))
        #expect(start.startsMove)
        #expect(start.target == target)
        #expect(start.effectCount == effectCount)
        #expect(try #require(PackedEffect(.keep(0))).startsMove == false)
    }

    @Test func refusesAMoveThatDoesNotFit() {
        #expect(PackedEffect.move(to: 1, effectCount: 65_536) == nil)
        #expect(PackedEffect.move(to: 1 << 40, effectCount: 1) == nil)
    }
}
