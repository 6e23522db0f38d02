/// A `key: value` line before the first node. Values with parts (`cast:`, `dimensions:`, `state:`,
/// `promises:`, `silence:`, `silence-line:`) are read into those parts by the parser; the checker decides whether
/// each part is allowed and reports it where it stands.
public struct HeaderFieldSyntax: Sendable {
    public var key: NameSyntax
    /// The whole value as written, trimmed.
    public var value: TextSyntax
    public var parts: HeaderValueSyntax
}

public enum HeaderValueSyntax: Sendable {
    /// A value read whole: `title:`, `customer:`, `summary:`, `id:`, `channel:`, `meter:`, and any
    /// key the checker does not know.
    case text
    case cast([CastMemberSyntax])
    /// Each name as written, with its span (the part between commas when the name is empty).
    case dimensions([NameSyntax])
    case state([StateDeclarationSyntax])
    case promiseScoring([PromiseScoreSyntax])
    /// The seconds of `silence: 30s`, or nil when the value is not a time.
    case silence(Int?)
    /// `silence-line: Dana: Hello?`: what is said in a silence that gives no line of its own.
    case line(LineSyntax)
}

/// `Priya Shah (team leader)`: a name with an optional role in brackets.
public struct CastMemberSyntax: Sendable {
    /// Empty when nothing stands before the brackets.
    public var name: String
    public var role: String?
    /// The member as written, or the part between commas when that is empty.
    public var span: Span
}

/// One declaration of `state:`, such as `patience = 3 (0..5)` or `escalated = false`.
public struct StateDeclarationSyntax: Sendable {
    /// The declaration, or the part between commas when that is empty: where its problems are shown.
    public var span: Span
    public var shape: Shape

    public enum Shape: Sendable {
        /// There is no `=`: this is not a declaration. The text is as written.
        case notADeclaration(String)
        /// `(` opens limits that no `)` closes at the end.
        case unclosedLimits(name: String)
        case declaration(StateValueSyntax)
    }
}

/// The parts of a state declaration, each as written and as read.
public struct StateValueSyntax: Sendable {
    public var name: String
    public var initialText: String
    /// Nil when the starting value is neither a whole number nor `true` or `false`.
    public var initial: ValueSyntax?
    /// What stands between the brackets of the limits, if there are limits.
    public var limitsText: String?
    /// Nil when there are no limits, or they are not two whole numbers with `..` between them.
    public var limits: (low: Int, high: Int)?
}

/// One part of `promises: kept +2, broken -2, open -2`.
public enum PromiseScoreSyntax: Sendable {
    /// A word and a whole number; the checker decides whether the word is one of the three.
    case score(word: String, points: Int, span: Span)
    /// Anything else: the part as written, and where it stands.
    case malformed(String, Span)
}
