import RapportLanguage

/// Text for an HTML page or an SVG drawing. Scenario files, team names and group names come from
/// other people: every one of their characters that HTML could read as markup is written as an
/// entity, in text and in attribute values alike, so no line of a scenario can add a tag, an
/// attribute or a script to a handout.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        Sanitizer.escapingHTML(text)
    }
}
