/// "1 error", "3 errors": a count and its noun, for nouns made plural with an "s".
public func plural(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }
