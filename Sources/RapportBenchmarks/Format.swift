// Linux only: see main.swift.
#if os(Linux)

/// Number formatting without Foundation (see `SystemFiles` for why). Sizes and rates use decimal
/// units (1 MB = 1,000,000 bytes) throughout, memory included: for the "under 50 MB" target this is
/// the stricter reading.
enum Format {
    /// `value` rounded to `places` decimal places: `decimal(3.14159, places: 2)` is "3.14".
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + grouped(scaled) }
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < places { fraction = "0" + fraction }
        return "\(sign)\(grouped(whole)).\(fraction)"
    }

    /// Three significant figures, enough for any timing here: 0.0123, 1.23, 12.3, 123, 1,234.
    static func significant(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 100 { return decimal(value, places: 0) }
        if magnitude >= 10 { return decimal(value, places: 1) }
        if magnitude >= 1 { return decimal(value, places: 2) }
        if magnitude >= 0.1 { return decimal(value, places: 3) }
        return decimal(value, places: 4)
    }

    /// 1234567 as "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    static func seconds(_ seconds: Double) -> String {
        if seconds < 0.001 { return significant(seconds * 1e6) + " µs" }
        if seconds < 1 { return significant(seconds * 1e3) + " ms" }
        return significant(seconds) + " s"
    }

    static func bytes(_ bytes: Int) -> String {
        let value = Double(bytes)
        if value < 1e3 { return "\(bytes) B" }
        if value < 1e6 { return significant(value / 1e3) + " KB" }
        if value < 1e9 { return significant(value / 1e6) + " MB" }
        return significant(value / 1e9) + " GB"
    }

    /// A rate such as decisions per second: "1.23 M", "456 k", "78".
    static func rate(_ perSecond: Double) -> String {
        if perSecond >= 1e6 { return significant(perSecond / 1e6) + " M" }
        if perSecond >= 1e3 { return significant(perSecond / 1e3) + " k" }
        return significant(perSecond)
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

/// A plain-text table with a header row; the first column is left-aligned, the rest right-aligned
/// so that numbers line up.
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String]) {
        self.headers = headers
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == 0 ? Format.padRight(cell, widths[column]) : Format.padLeft(cell, widths[column])
            }.joined(separator: "  ")
        }
        var out = line(headers) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}

#endif
