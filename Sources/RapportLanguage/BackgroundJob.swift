import Dispatch

/// Work done on a thread of its own while the caller does something else, for the parts of reading
/// a large file that can run side by side (the line index, the parse, the checking of the nodes and
/// the fingerprint). The results
/// are the same as doing the work in turn; only the time changes.
final class BackgroundJob<Result: Sendable>: @unchecked Sendable {
    // `@unchecked`: `work` is set before the worker starts and cleared by the worker; `result` is
    // written once, on the worker before `done.leave()`, and read only after `done.wait()`, which
    // orders the two.
    private var work: (@Sendable () -> Result)?
    private var result: Result?
    private let done = DispatchGroup()

    init(_ work: @escaping @Sendable () -> Result) {
        self.work = work
        done.enter()
        // A serial queue of its own, not a global concurrent one: its work always gets a thread,
        // even when the caller runs on a pool whose threads are all busy.
        DispatchQueue(label: "rapport.background").async { [self] in run() }
    }

    private func run() {
        // The work, and what it holds (a file's bytes, say), is let go before the caller is woken:
        // the dispatched block itself is freed only some time after it returns.
        let work = self.work
        self.work = nil
        result = work?()
        _ = consume work
        done.leave()
    }

    /// The result, waiting for it if the work is not done yet.
    func wait() -> Result {
        done.wait()
        return result!
    }
}

/// A value given to a background job to own. A closure's captured values live as long as the closure
/// runs; taken out of a handover, the value is the job's alone, so what it frees as it goes is freed.
final class Handover<Value>: @unchecked Sendable {
    // `@unchecked`: the value is set before the job starts and taken once, by the job.
    private var value: Value?

    init(_ value: consuming Value) {
        self.value = value
    }

    func take() -> Value {
        let taken = value.take()
        return taken!
    }
}
