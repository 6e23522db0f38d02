/// How large a scenario may be, in every way it can be large. Real scenarios are far inside each
/// limit (the bundled ones are under 30 KB, with at most 5 choices at a decision and conditions of a
/// few terms); the limits are there so that a hostile or broken file is refused with a clear message
/// instead of taking minutes, gigabytes or the stack. docs/limits.md lists them; a test keeps the two
/// the same.
public enum ScenarioLimits {
    /// Bytes in a file: a thousand times the largest bundled scenario.
    public static let fileSize = 32 * 1024 * 1024
    /// Bytes in one line (without its line break).
    public static let lineLength = 4_000
    /// Nodes (`== name` headings) in a file.
    public static let nodes = 20_000
    /// Choices at one node: a workshop letters them A to Z.
    public static let choicesPerNode = 26
    /// Terms in one condition: each name, number, comparison, `and`, `or` and `not` counts one, so
    /// `patience >= 3 and not escalated` has 6. This also bounds how deeply a condition nests, so
    /// nothing that walks a condition can run out of stack.
    public static let conditionTerms = 64
    /// Brackets and `not`s nested in one condition.
    public static let conditionDepth = 64
    /// Values declared with `state:`.
    public static let stateVariables = 100
    /// Different promise names.
    public static let promises = 100
    /// Dimensions in `dimensions:`.
    public static let dimensions = 12
    /// Problems reported for one file: past this many, the rest are counted in one last message.
    public static let diagnostics = 200
}
