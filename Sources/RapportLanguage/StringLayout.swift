/// Small text helpers every layer uses; kept here, in the lowest layer, so they exist once.
extension String {
    /// Without leading and trailing spaces, tabs and carriage returns.
    public func trimmingBlanks() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice.removeLast() }
        return String(slice)
    }

    /// Padded with spaces on the left to `width` characters (unchanged if already as wide).
    public func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    /// Padded with spaces on the right to `width` characters (unchanged if already as wide).
    public func rightPadded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
