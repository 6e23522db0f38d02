/// The last pass: warnings about what is declared and never used. State nothing reads, a promise
/// never kept or broken, and a listed dimension nothing scores all suggest a mistake.
enum UsagePass {
    static func run(declared: Declarations, names: Names, usage: Usage, log: inout DiagnosticLog) {
        for (index, variable) in declared.variables.enumerated()
        where !usage.variablesRead.contains(index) && declared.meter != index {
            log.report(
                .variableNeverRead, "nothing reads the state '\(variable.name)'", declared.variableSpans[index],
                note: "use it in a condition ('[if \(variable.name) ...]') so it changes something, or remove it")
        }
        for (index, promise) in names.promises.enumerated() where !usage.promisesSettled.contains(index) {
            log.report(
                .promiseNeverSettled, "the promise '\(promise.name)' is never kept or broken", names.promiseSpans[index],
                note: "add 'keep: \(promise.name)' or 'break: \(promise.name)' where the scenario finds out whether it was kept; an open promise costs follow-through at the end")
        }
        // Only a listed set of dimensions is checked: a scenario on the default four may leave one alone.
        guard let dimensionsSpan = declared.dimensionsSpan else { return }
        var scored = usage.dimensionsScored
        // Promises score follow-through themselves.
        if !names.promises.isEmpty, let followThrough = declared.dimensions.firstIndex(of: "follow-through") {
            scored.insert(followThrough)
        }
        for (index, dimension) in declared.dimensions.enumerated() where !scored.contains(index) {
            log.report(
                .dimensionNeverScored, "nothing in this scenario scores '\(dimension)'", dimensionsSpan,
                note: "add '\(dimension)' to some choice's 'score:', or remove it from 'dimensions:'")
        }
    }
}
