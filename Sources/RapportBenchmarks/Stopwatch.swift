// Linux only: see main.swift.
#if os(Linux)

/// Timing on the monotonic clock, in seconds as `Double` because every figure printed is a rate or
/// a duration in seconds or milliseconds.
struct Stopwatch {
    private let start = ContinuousClock.now

    var seconds: Double { Self.seconds(ContinuousClock.now - start) }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) * 1e-18
    }

    /// Runs `body` repeatedly until it has run at least `minimumRuns` times and `budget` seconds
    /// have passed (or `maximumRuns` is reached), and returns each run's time. The median of these
    /// is what is printed: it is steadier than the mean, which one slow run (a page-fault storm on
    /// the first touch of fresh memory) can move. What `body` returns is freed after its time is
    /// taken: freeing a checked scenario is not part of checking it (the caller goes on to use it).
    static func repeatedly<Output>(
        minimumRuns: Int, maximumRuns: Int, budget: Double, _ body: () -> Output
    ) -> [Double] {
        var times: [Double] = []
        let total = Stopwatch()
        while times.count < minimumRuns || (total.seconds < budget && times.count < maximumRuns) {
            let run = Stopwatch()
            let output = body()
            withExtendedLifetime(output) { times.append(run.seconds) }
        }
        return times
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

#endif
