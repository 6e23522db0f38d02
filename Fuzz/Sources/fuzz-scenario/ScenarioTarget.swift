import FuzzSupport
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTesting

// A scenario file: parsed and checked, every diagnostic printed; when it checks, explored with
// small limits (so one input takes milliseconds, not the minute the real limits allow), played at
// random as `rapport test` does, and played once more by hand so that reveals, the debrief and
// the replay of a transcript are reached too.

/// Small enough that an input explores in milliseconds, large enough for the bundled scenarios.
let limits = Analysis.Limits(states: 5_000, work: 500_000)
/// A run by hand stops here; loops are the analysis's business, not this harness's.
let maximumMoves = 200

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    let source = SourceFile(name: "fuzz.scenario", bytes: bytes)
    let checked = Checker.check(source)
    Fuzz.format(checked.diagnostics, source: source)
    guard let scenario = checked.scenario else { return 0 }

    let analysis = Analysis(scenario, limits: limits)
    Fuzz.format(analysis.diagnostics(), source: source)
    _ = analysis.export()

    let seed = Fuzz.seed(bytes)
    _ = RandomPlay.run(scenario, playthroughs: 1, seed: seed)

    var random = SeededRandom(seed: seed)
    var session = Session(scenario)
    var moves = 0
    while !session.isOver, moves < maximumMoves {
        _ = session.reveal()
        let choices = session.step.choices
        let options = choices.count + (session.step.silenceSeconds != nil ? 1 : 0)
        let pick = Int(random.next() % UInt64(max(options, 1)))
        do {
            if pick < choices.count {
                _ = try session.choose(choices[pick].id)
            } else {
                _ = try session.stayedSilent()
            }
        } catch {
            Fuzz.require(false, "the engine refused an action it offered: \(error)")
        }
        moves += 1
    }
    _ = Debrief(session: session, analysis: analysis)

    // The engine is deterministic: a run's transcript replays to the very same run.
    do {
        let again = try Session.replay(session.transcript, on: scenario)
        Fuzz.require(again.transcript == session.transcript, "a replayed run differs from the run")
    } catch {
        Fuzz.require(false, "a run's own transcript does not replay: \(error)")
    }
    return 0
}
