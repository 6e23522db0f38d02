import ArgumentParser
import Foundation

/// `--format`: text, laid out by the terminal layer, or JSON, written by `JSONOutput`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// How every command writes JSON (analyses, check reports, transcripts, workshop exports): indented,
/// keys sorted so the same data always gives the same bytes, slashes left as they are.
enum JSONOutput {
    static func data(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Times (a workshop's) as ISO 8601 text, readable and the same in every language.
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    static func text(_ value: some Encodable) throws -> String { String(decoding: try data(value), as: UTF8.self) }
}
