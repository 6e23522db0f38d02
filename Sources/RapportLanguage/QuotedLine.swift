/// A source line as diagnostics quote it: sanitised and measured once, with where each of the file's
/// columns lands on screen. However many diagnostics point into one line, the line costs its length
/// once; each diagnostic then costs only the window it shows (a fuzzed file of one megabyte on one
/// line, with a problem every few bytes, once took minutes because each problem re-read the line).
struct QuotedLine {
    /// The scalars shown, sanitised.
    let shown: [Unicode.Scalar]
    /// For each shown scalar, and for the end, the screen column before it. A character's width is
    /// counted at its first scalar, so columns never decrease.
    let columnBefore: [Int]
    /// For each shown scalar, and for the end (always true), whether a character starts there: a
    /// window is cut only there, never inside a character such as an emoji sequence.
    let startsCharacter: [Bool]
    /// For each scalar of the source line, and for the end, the first shown scalar it became. A
    /// removed escape sequence maps to where the text after it starts; a character shown as its code
    /// to the start of the code.
    let shownIndex: [Int]

    /// - Parameter skippingByteOrderMark: the first line of a file may start with one, which is not
    ///   text: it is left out rather than shown as its code.
    init(_ line: String, skippingByteOrderMark: Bool = false) {
        let scalars = Array(line.unicodeScalars)
        var shown: [Unicode.Scalar] = []
        shown.reserveCapacity(scalars.count)
        var shownIndex = [Int](repeating: 0, count: scalars.count + 1)
        Sanitizer.scan(scalars) { range, change in
            if let change {
                for index in range { shownIndex[index] = shown.count }
                if range.lowerBound == 0, skippingByteOrderMark, change == .invisible("\u{FEFF}") { return }
                shown.append(contentsOf: change.replacement.unicodeScalars)
            } else {
                for index in range { shownIndex[index] = shown.count + index - range.lowerBound }
                shown.append(contentsOf: scalars[range])
            }
        }
        shownIndex[scalars.count] = shown.count

        var columnBefore = [Int](repeating: 0, count: shown.count + 1)
        var startsCharacter = [Bool](repeating: false, count: shown.count + 1)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: shown)
        var index = 0
        var column = 0
        for character in String(view) {
            startsCharacter[index] = true
            let count = character.unicodeScalars.count
            let characterWidth = DisplayWidth.of(character)
            columnBefore[index] = column
            column += characterWidth
            for offset in 1..<max(1, count) { columnBefore[index + offset] = column }
            index += count
        }
        columnBefore[shown.count] = column
        startsCharacter[shown.count] = true
        self.shown = shown
        self.columnBefore = columnBefore
        self.startsCharacter = startsCharacter
        self.shownIndex = shownIndex
    }

    /// Screen columns the whole line takes.
    var width: Int { columnBefore[shown.count] }

    /// The line, or when it is wider than `maximumWidth` a window of it around the problem (a third
    /// of the width before it) with "…" where it was cut; the caret's column in that text and its
    /// width, both in screen columns.
    /// - Parameters:
    ///   - column: 1-based, in scalars of the source line, as `SourceLocation` counts.
    ///   - length: in scalars of the source line, at least 1.
    func window(from column: Int, length: Int, maximumWidth: Int) -> (shown: String, caretColumn: Int, caretWidth: Int) {
        let sourceCount = shownIndex.count - 1
        let start = characterStart(atOrBefore: shownIndex[max(0, min(sourceCount, column - 1))])
        let end = max(start, characterStart(atOrAfter: shownIndex[max(0, min(sourceCount, column - 1 + length))]))
        var from = 0
        var to = shown.count
        if width > maximumWidth {
            from = characterStart(atOrBefore: lastIndex(atColumn: max(0, columnBefore[start] - maximumWidth / 3)))
            to = characterStart(atOrBefore: lastIndex(atColumn: columnBefore[from] + maximumWidth))
        }
        let prefix = from > 0 ? "…" : ""
        let suffix = to < shown.count ? "…" : ""
        var view = String.UnicodeScalarView()
        view.append(contentsOf: shown[from..<to])
        let caretStart = min(max(start, from), to)
        let caretEnd = max(caretStart, min(end, to))
        let caretColumn = DisplayWidth.of(prefix) + columnBefore[caretStart] - columnBefore[from]
        let caretWidth = max(1, columnBefore[caretEnd] - columnBefore[caretStart])
        return (prefix + String(view) + suffix, caretColumn, min(caretWidth, maximumWidth))
    }

    /// The last shown index whose column is at most `column`, found by halving: columns never decrease.
    func lastIndex(atColumn column: Int) -> Int {
        var low = 0
        var high = shown.count
        while low < high {
            let middle = (low + high + 1) / 2
            if columnBefore[middle] <= column { low = middle } else { high = middle - 1 }
        }
        return low
    }

    func characterStart(atOrBefore index: Int) -> Int {
        var index = index
        while !startsCharacter[index] { index -= 1 }
        return index
    }

    func characterStart(atOrAfter index: Int) -> Int {
        var index = index
        while !startsCharacter[index] { index += 1 }
        return index
    }
}

/// The lines diagnostics have quoted so far, each laid out the first time it is quoted and then
/// kept: printing diagnostics costs the lines they quote once, plus a window each.
struct QuotedLines {
    private struct Key: Hashable {
        let file: String
        let line: Int
    }

    private var lines: [Key: QuotedLine] = [:]
    /// Scalars of source laid out so far: the work done, which tests hold to the size of the lines
    /// quoted, whatever the number of diagnostics.
    private(set) var scalarsLaidOut = 0

    init() {}

    mutating func line(_ number: Int, of source: SourceFile) -> QuotedLine {
        let key = Key(file: source.name, line: number)
        if let known = lines[key] { return known }
        let quoted = QuotedLine(source.lineText(number), skippingByteOrderMark: number == 1)
        scalarsLaidOut += quoted.shownIndex.count - 1
        lines[key] = quoted
        return quoted
    }
}
