import Dispatch

/// Work done on a thread of its own while the caller does something else, for the parts of reading
/// a large file that can run side by side (the line index, the parse, the fingerprint). The results
/// are the same as doing the work in turn; only the time changes.
final class BackgroundJob<Result: Sendable>: @unchecked Sendable {
    // `@unchecked`: `result` is written once, on the worker before `done.leave()`, and read only
    // after `done.wait()`, which orders the two.
    private var result: Result?
    private let done = DispatchGroup()

    init(_ work: @escaping @Sendable () -> Result) {
        done.enter()
        // A serial queue of its own, not a global concurrent one: its work always gets a thread,
        // even when the caller runs on a pool whose threads are all busy.
        DispatchQueue(label: "rapport.background").async { [self] in
            result = work()
            done.leave()
        }
    }

    /// The result, waiting for it if the work is not done yet.
    func wait() -> Result {
        done.wait()
        return result!
    }
}
