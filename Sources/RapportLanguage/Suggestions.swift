/// "Did you mean ...?": the closest known name to a misspelt one, by edit distance.
public enum Suggestions {
    /// Names longer than this are not compared: a typo in a 1 MB "name" gets no suggestion, and the
    /// comparison stays cheap.
    static let maximumLength = 48

    /// The candidate nearest to `word`, if it is close enough to be a likely typo (at most a third of
    /// the word's letters differ, and at most 3). Case differences count as half a typo.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().utf8)
        guard !target.isEmpty, target.count <= maximumLength else { return nil }
        let limit = min(3, max(1, target.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let bytes = Array(candidate.lowercased().utf8)
            guard abs(bytes.count - target.count) <= limit, bytes.count <= maximumLength else { continue }
            let distance = editDistance(target, bytes, limit: limit)
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Edit distance counting a swap of two neighbouring letters as one edit ('nxet' for 'next'),
    /// the commonest typo (optimal string alignment); gives up (returning limit + 1) once it must
    /// exceed `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a == b { return 0 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
