/// The parsed (not yet checked) form of a scenario file. Everything keeps its byte span so the checker
/// can point at it. Nothing here can be played: only `Checker` turns it into a `CheckedScenario`.
public struct ScenarioSyntax: Sendable {
    public var header: [HeaderFieldSyntax] = []
    public var nodes: [NodeSyntax] = []
    /// Every change to scores or state in the file, in file order. Choices and effect lines hold a
    /// range of it: a list of their own for each choice cost an allocation and a few regrowths each.
    public var effects = SegmentedList<EffectSyntax>()
}

/// A byte span in the source: `start..<end`. Kept as two 32-bit offsets (files are under 4 GB,
/// `SourceFile.maximumSize`): every name, text and line of the syntax has one or two, and at 16
/// bytes they made the parsed file a third larger, at the moment the check's memory peaks.
public struct Span: Sendable, Hashable {
    private var start32: UInt32
    private var end32: UInt32

    public var start: Int {
        get { Int(start32) }
        set { start32 = UInt32(newValue) }
    }

    public var end: Int {
        get { Int(end32) }
        set { end32 = UInt32(newValue) }
    }

    public init(_ start: Int, _ end: Int) {
        start32 = UInt32(start)
        end32 = UInt32(max(start, end))
    }
}

/// A word of the file with where it stands: a node, variable, promise or dimension name.
public struct NameSyntax: Sendable, Hashable {
    public var text: String
    public var span: Span
}

/// Free text (a line of dialogue, a coach note): only where it stands, trimmed of blanks. The
/// checker makes a `String` of it once, for the checked scenario; making one here as well cost an
/// allocation per line and kept a second copy of the file's text in memory.
public struct TextSyntax: Sendable, Hashable {
    public var span: Span

    public var isEmpty: Bool { span.start == span.end }
}

public struct HeaderFieldSyntax: Sendable {
    public var key: NameSyntax
    public var value: TextSyntax
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
    /// The changes one line makes, applied together: a range of `ScenarioSyntax.effects`.
    case effect(Range<Int>)
    case moment(TextSyntax)
    case discuss(TextSyntax)
    case hint(TextSyntax)
    /// Boxed: at most one a node, and as large as all the other kinds together, it made every item
    /// of the file half as large again.
    indirect case silence(SilenceSyntax)
    case choice(ChoiceSyntax)
}

public struct NodeItemSyntax: Sendable {
    public var condition: ConditionSyntax?
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
    /// A range of `ScenarioSyntax.effects`.
    public var effects: Range<Int> = 0..<0
    public var coach: TextSyntax?
    public var target: NameSyntax?
}

public struct SilenceSyntax: Sendable {
    /// Seconds, or nil to use the header's default.
    public var seconds: Int?
    public var line: LineSyntax
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
    // In this order, the smallest fields last, for the smallest effect: one of the file's largest
    // parts while it is checked.
    public var variable: NameSyntax
    public var valueSpan: Span
    public var value: ValueSyntax
    public var op: AssignmentOperator
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

public enum PromiseTest: String, Sendable, Codable {
    case promised, kept, broken
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
}
