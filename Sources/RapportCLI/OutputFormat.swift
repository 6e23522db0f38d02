import ArgumentParser
import Foundation
import RapportLanguage

/// `--format`: text, laid out by the terminal layer, or JSON, written by `JSONOutput`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// How every command writes JSON (analyses, check reports, transcripts, workshop exports): indented,
/// keys sorted so the same data always gives the same bytes, slashes left as they are, and no
/// character that could act on a terminal or hide itself standing raw in a string (see
/// `Sanitizer.escapingJSON`: the encoder leaves DEL, C1 controls and invisible characters raw).
enum JSONOutput {
    static func data(_ value: some Encodable) throws -> Data { Data(try text(value).utf8) }

    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Times (a workshop's) as ISO 8601 text, readable and the same in every language.
        encoder.dateEncodingStrategy = .iso8601
        return Sanitizer.escapingJSON(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
