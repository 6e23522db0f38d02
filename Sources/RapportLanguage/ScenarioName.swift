/// The names a scenario is made of (its id, nodes, promises): letters, digits, `-` and `_`, starting
/// with a letter or digit. For the command line, which names a new scenario by its id.
public enum ScenarioName {
    public static func isValid(_ name: String) -> Bool {
        let source = SourceFile(name: "name", text: name)
        return source.isValidName(Span(0, source.bytes.count))
    }

    /// The name made valid (blanks become '-', other characters are dropped), if anything is left.
    public static func suggestion(for name: String) -> String? { Parser.suggestedName(name) }
}
