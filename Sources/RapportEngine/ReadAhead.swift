import CPrefetch

extension Array {
    /// Asks the processor to start reading the elements in `range` into its cache, one cache line
    /// at a time (see `Rules.readAhead(forStepAt:)`). Nothing is read here, and nothing changes.
    @inline(__always)
    func readAhead(_ range: Range<Int>) {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= count else { return }
        withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            let stride = MemoryLayout<Element>.stride
            let first = UInt(bitPattern: base + range.lowerBound * stride) & ~UInt(cacheLine - 1)
            let end = UInt(bitPattern: base + range.upperBound * stride)
            var line = first
            while line < end {
                rapport_prefetch(UnsafeRawPointer(bitPattern: line))
                line += UInt(cacheLine)
            }
        }
    }
}

/// The size of a cache line on the processors Rapport runs on (x86-64 and ARM64 alike).
private let cacheLine = 64
