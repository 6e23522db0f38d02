import Foundation
import FuzzSupport
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportWorkshop

// A saved workshop session, as `rapport facilitate --resume` finds it on disk: loaded through the
// store from a real file, decoded, judged by `problem()`, and resumed on the scenario it names
// (the workshop fixture when it names none we have). It is resumed twice: as saved, and with its
// scenario's fingerprint made right, because the fuzzer cannot guess a fingerprint and the replay
// of the decisions behind that check is the part most worth reaching. A resumed session is then
// used as the facilitator would: scores, reveals, the handout, saved again, undone.

/// A folder of the harness's own for the save it loads, removed when the process ends normally.
let folder: URL = {
    var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("rapport-fuzz-save.XXXXXX").path.utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a temporary folder") }
    return URL(fileURLWithPath: String(cString: made))
}()
/// The id the store is asked for: the workshop fixture's, so that its saves load all the way.
let storedID = "workshop"

/// Each scenario's analysis with the real limits, made once: the handout needs one.
let analyses: [String: Analysis] = Dictionary(
    uniqueKeysWithValues: Fuzz.scenarios.map { ($0.id, Analysis($0)) })
let fallback = Fuzz.scenarios.first { $0.id == "workshop" } ?? Fuzz.scenarios[0]

/// Makes the harness's globals before the first input, so that their time is not counted as the
/// input's and a broken repository stops the run at once.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    _ = (folder, analyses, fallback)
    atexit { try? FileManager.default.removeItem(at: folder) }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(Fuzz.bytes(data, size))
    let store = WorkshopStore(folder: folder)
    do {
        try bytes.write(to: store.url(forSession: storedID))
    } catch {
        fatalError("cannot write \(store.url(forSession: storedID).path): \(error)")
    }
    let loaded = Result { () throws(WorkshopStore.LoadError) in try store.load(session: storedID) }

    var decoded = try? WorkshopStore.decoder().decode(WorkshopRecord.self, from: bytes)
    // A session's name is its file's.
    decoded?.name = storedID
    let problem = decoded?.problem()
    // The store says yes exactly when the file decodes and holds together.
    let usable = decoded != nil && problem == nil
    if case .success(let record) = loaded {
        Fuzz.require(usable && record == decoded, "the store loaded a save that is not usable")
    } else {
        Fuzz.require(!usable, "the store refused a usable save")
    }
    guard let saved = decoded else { return 0 }

    let scenario = Fuzz.scenarios.first { $0.id == saved.scenario.id } ?? fallback
    _ = try? Workshop(resuming: saved, scenario: scenario)
    var fixed = saved
    fixed.scenario = Transcript.ScenarioReference(id: scenario.id, title: scenario.title, hash: scenario.sourceHash)
    let workshop: Workshop
    do {
        workshop = try Workshop(resuming: fixed, scenario: scenario)
    } catch {
        return 0
    }
    Fuzz.require(problem == nil, "a save with a problem resumed: \(problem ?? "")")
    check(workshop, resumedFrom: fixed)
    return 0
}

func check(_ resumed: Workshop, resumedFrom saved: WorkshopRecord) {
    var workshop = resumed
    let replayed = workshop.record.decisions
    Fuzz.require(replayed.count == saved.decisions.count, "\(saved.decisions.count) decisions resumed as \(replayed.count)")
    for (again, was) in zip(replayed, saved.decisions) {
        Fuzz.require(
            again.offered == was.offered && again.chosen == was.chosen && again.vote == was.vote
                && again.tieBroken == was.tieBroken, "a decision resumed differently")
    }
    _ = workshop.teamTotals()
    _ = workshop.reveal()
    if !workshop.isOver { _ = workshop.parser.example }
    if let analysis = analyses[workshop.scenario.id] {
        let report = WorkshopReport(workshop: workshop, analysis: analysis)
        _ = report.markdown()
        _ = report.html()
        _ = SessionExport(report)
    }
    // What the workshop saves next must load again.
    do {
        let data = try JSONEncoder().encode(workshop.record)
        let back = try JSONDecoder().decode(WorkshopRecord.self, from: data)
        Fuzz.require(back == workshop.record && back.problem() == nil, "a resumed session saves what cannot be read back")
    } catch {
        Fuzz.require(false, "a resumed session cannot be saved: \(error)")
    }
    var undone = 0
    while workshop.undo() { undone += 1 }
    Fuzz.require(undone == saved.decisions.count, "undid \(undone) of \(saved.decisions.count) decisions")
}
