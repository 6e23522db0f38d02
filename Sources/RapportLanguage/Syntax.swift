/// The parsed (not yet checked) form of a scenario file: one tree, which the checker's passes read.
/// Everything keeps its byte span so a diagnostic can point at it. Nothing here can be played: only
/// `Checker` turns it into a `CheckedScenario`.
public struct ScenarioSyntax: Sendable {
    public var header: [HeaderFieldSyntax] = []
    public var nodes: [NodeSyntax] = []
    /// `// rapport: allow RPxxxx` comments, in file order.
    public var allowances: [AllowSyntax] = []
}

/// A comment that turns warnings off: `// rapport: allow RP0110` at the end of a line turns them off
/// on that line; on a line of its own, in the whole file.
public struct AllowSyntax: Sendable {
    /// Each code as written, with where it stands.
    public var codes: [NameSyntax]
    /// The 1-based line it covers, or nil for the whole file.
    public var line: Int?
}

/// A byte span in the source: `start..<end`.
public struct Span: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public var isEmpty: Bool { start == end }
}

/// A word of the file with where it stands: a node, variable, promise or dimension name.
public struct NameSyntax: Sendable, Hashable {
    public var text: String
    public var span: Span
}

/// Free text (a line of dialogue, a coach note), trimmed of blanks: only where it stands. The
/// checker reads its characters from the file when it makes the checked scenario's text.
public struct TextSyntax: Sendable, Hashable {
    public var span: Span

    public var isEmpty: Bool { span.isEmpty }
}

public struct NodeSyntax: Sendable {
    public var name: NameSyntax
    public var items: [NodeItemSyntax] = []
}

public enum Outcome: String, Sendable, Codable, CaseIterable, Comparable {
    case good, mixed, poor

    private var rank: Int {
        switch self {
        case .poor: 0
        case .mixed: 1
        case .good: 2
        }
    }

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.rank < rhs.rank }
}

/// What one line of a node says.
public enum NodeItemKind: Sendable {
    /// Speech (`Name: text`, decided by the checker against the cast) or narration.
    case line(LineSyntax)
    case jump(NameSyntax)
    case end(Outcome, TextSyntax)
    /// The changes one line makes (`set:`, `promise`, `keep:`, `break:`), applied together.
    case effect([EffectSyntax])
    case moment(TextSyntax)
    case discuss(TextSyntax)
    case hint(TextSyntax)
    case silence(SilenceSyntax)
    case choice(ChoiceSyntax)
}

public struct NodeItemSyntax: Sendable {
    public var condition: ConditionSyntax?
    /// Where `[else]` or `[else if ...]` (or `[otherwise ...]`) stands, when the line has one: the
    /// line then happens only if no conditional line of its kind directly above it did.
    public var otherwise: Span? = nil
    public var kind: NodeItemKind
    /// The whole line.
    public var span: Span
}

/// A line of text in a node. `speaker` is set when the line starts with something that looks like a
/// name followed by a colon; the checker decides whether it really is a speaker.
public struct LineSyntax: Sendable {
    public var speaker: NameSyntax?
    public var text: TextSyntax
    /// The text with the speaker prefix, for when the prefix turns out not to be a speaker.
    public var whole: TextSyntax
}

public struct ChoiceSyntax: Sendable {
    public var text: TextSyntax
    public var details: ChoiceDetailsSyntax
}

/// The indented lines under a choice or a silence.
public struct ChoiceDetailsSyntax: Sendable {
    /// In the order written, applied together when the choice is taken.
    public var effects: [EffectSyntax] = []
    public var coach: TextSyntax?
    public var target: NameSyntax?
}

public struct SilenceSyntax: Sendable {
    /// Seconds, or nil to use the header's default.
    public var seconds: Int?
    /// What is said, or nil to use the header's `silence-line:`.
    public var line: LineSyntax?
    public var details: ChoiceDetailsSyntax
}

public enum AssignmentOperator: String, Sendable, Codable {
    case assign = "="
    case add = "+="
    case subtract = "-="
}

public enum ValueSyntax: Sendable, Hashable {
    case integer(Int)
    case boolean(Bool)
}

public struct AssignmentSyntax: Sendable {
    public var variable: NameSyntax
    public var op: AssignmentOperator
    public var value: ValueSyntax
    public var valueSpan: Span
}

public struct ScoreSyntax: Sendable {
    public var dimension: NameSyntax
    public var delta: Int
}

/// One change to the scores or the state. A line such as `score: empathy +1, respect -1` gives one
/// for each part.
public enum EffectSyntax: Sendable {
    case score(ScoreSyntax)
    case set(AssignmentSyntax)
    case promise(NameSyntax, TextSyntax)
    case keep(NameSyntax)
    case breakPromise(NameSyntax)
    /// `drop: NAME`: the promise no longer applies; it is withdrawn without a score.
    case drop(NameSyntax)
}

public enum ComparisonOperator: String, Sendable, Codable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

public enum OperandSyntax: Sendable {
    case variable(NameSyntax)
    case value(ValueSyntax, Span)
}

public enum PromiseTest: String, Sendable, Codable, CaseIterable {
    case promised, kept, broken, dropped
}

public indirect enum ConditionSyntax: Sendable {
    case comparison(OperandSyntax, ComparisonOperator, OperandSyntax, Span)
    /// A bare name: true when the yes/no state value is true.
    case flag(NameSyntax)
    case promise(PromiseTest, NameSyntax)
    case visited(NameSyntax)
    case not(ConditionSyntax)
    case and(ConditionSyntax, ConditionSyntax)
    case or(ConditionSyntax, ConditionSyntax)
    /// A condition that could not be read. The parser has reported it; it stands in its place so the
    /// rest of the line is still read and checked, and the checker resolves it to nothing.
    case unreadable
}
