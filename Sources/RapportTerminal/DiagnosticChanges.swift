import RapportLanguage

/// What changed in a file's problems between two checks: those fixed and those new. A problem is the
/// same problem when its code, its message and the text of its line are: so a line added above it,
/// which moves it down, does not make it look fixed and new again.
public struct DiagnosticChanges: Sendable {
    public let fixed: [Diagnostic]
    public let new: [Diagnostic]

    public var isEmpty: Bool { fixed.isEmpty && new.isEmpty }

    public init(from before: [Diagnostic], in old: SourceFile?, to after: [Diagnostic], in current: SourceFile) {
        func key(_ diagnostic: Diagnostic, _ source: SourceFile?) -> String {
            let line = source.map { $0.lineText(diagnostic.range.start.line).trimmingBlanks() } ?? ""
            return "\(diagnostic.code.rawValue)\u{0}\(diagnostic.message)\u{0}\(line)"
        }
        // As many of each as there were: two identical problems, one fixed, leave one.
        var remaining: [String: Int] = [:]
        for diagnostic in before { remaining[key(diagnostic, old), default: 0] += 1 }
        var new: [Diagnostic] = []
        for diagnostic in after {
            let key = key(diagnostic, current)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
            } else {
                new.append(diagnostic)
            }
        }
        var stillThere: [String: Int] = [:]
        for diagnostic in after { stillThere[key(diagnostic, current), default: 0] += 1 }
        var fixed: [Diagnostic] = []
        for diagnostic in before {
            let key = key(diagnostic, old)
            if let count = stillThere[key], count > 0 {
                stillThere[key] = count - 1
            } else {
                fixed.append(diagnostic)
            }
        }
        self.fixed = fixed
        self.new = new
    }
}
