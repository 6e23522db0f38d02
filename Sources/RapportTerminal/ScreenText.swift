/// One screen for the room, laid out to fit the terminal. A screen has a title (drawn as its heading,
/// with the discussion timer beside it), a body in two layouts (spaced, and compact without the blank
/// lines, for a projector's large font), and a footer that tells the facilitator what comes next.
/// When even the compact body is taller than the terminal, it is shown in parts, each but the last
/// ending with an "and more" cue, rather than letting the top scroll away unseen.
public struct ScreenText: Sendable, Equatable {
    public var title: String
    public var spaced: [String]
    public var compact: [String]
    public var footer: [String]

    public init(title: String, spaced: [String], compact: [String]? = nil, footer: [String] = []) {
        self.title = title
        self.spaced = spaced
        self.compact = compact ?? spaced.filter { !$0.isEmpty }
        self.footer = footer
    }

    /// Lines a screen needs besides its body: the heading, and the prompt with the line typed after it.
    static let reservedLines = 3

    /// The body's parts for a terminal `height` lines high (nil: any height). One part when it fits.
    public func parts(height: Int?) -> [[String]] {
        guard let height else { return [spaced] }
        let room = max(4, height - Self.reservedLines - footer.count)
        if spaced.count <= room { return [spaced] }
        if compact.count <= room { return [compact] }
        // Each part but the last keeps a line for the cue.
        var parts: [[String]] = []
        var rest = compact[...]
        while !rest.isEmpty {
            let take = rest.count <= room ? rest.count : room - 1
            parts.append(Array(rest.prefix(take)))
            rest = rest.dropFirst(take)
        }
        return parts
    }
}
