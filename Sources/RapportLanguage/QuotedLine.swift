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
    /// For each shown scalar, and for the end, where its character starts and where it ends: a window
    /// is cut only between characters, never inside one such as an emoji sequence. Kept for every
    /// scalar, so that finding the edge costs the same inside a character of a million scalars.
    let characterStart: [Int]
    let characterEnd: [Int]
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
        // The shown text as UTF-8 too, to be read as characters (see `Sanitizer.cleaned`).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.utf8.count)
        var shownIndex = [Int](repeating: 0, count: scalars.count + 1)
        Sanitizer.scan(scalars) { range, change in
            if let change {
                for index in range { shownIndex[index] = shown.count }
                if range.lowerBound == 0, skippingByteOrderMark, change == .invisible("\u{FEFF}") { return }
                shown.append(contentsOf: change.replacement.unicodeScalars)
                bytes.append(contentsOf: change.replacement.utf8)
            } else {
                for index in range { shownIndex[index] = shown.count + index - range.lowerBound }
                shown.append(contentsOf: scalars[range])
                for scalar in scalars[range] { bytes.append(contentsOf: scalar.utf8) }
            }
        }
        shownIndex[scalars.count] = shown.count

        var columnBefore = [Int](repeating: 0, count: shown.count + 1)
        var characterStart = [Int](repeating: shown.count, count: shown.count + 1)
        var characterEnd = [Int](repeating: shown.count, count: shown.count + 1)
        var index = 0
        var column = 0
        for character in String(decoding: bytes, as: UTF8.self) {
            let count = character.unicodeScalars.count
            columnBefore[index] = column
            column += DisplayWidth.of(character)
            for offset in 0..<count {
                if offset > 0 { columnBefore[index + offset] = column }
                characterStart[index + offset] = index
                characterEnd[index + offset] = index + count
            }
            index += count
        }
        columnBefore[shown.count] = column
        self.shown = shown
        self.columnBefore = columnBefore
        self.characterStart = characterStart
        self.characterEnd = characterEnd
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
        // Scalars that take no room (combining marks) could make a narrow window of a million
        // scalars, printed again for each diagnostic: a window holds at most four per column, even
        // if that cuts through a character, which only a line made to be absurd has.
        let maximumScalars = 4 * maximumWidth
        if to - from > maximumScalars {
            from = max(from, start - maximumScalars / 3)
            to = min(to, from + maximumScalars)
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

    func characterStart(atOrBefore index: Int) -> Int { characterStart[index] }

    func characterStart(atOrAfter index: Int) -> Int { characterStart[index] == index ? index : characterEnd[index] }
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
