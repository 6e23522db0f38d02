extension Array {
    /// Moves the elements into storage of just their size. An array that grew by appending keeps up
    /// to twice the room it needs; the state graph's arrays are done growing once exploration ends,
    /// and what follows (components, longest paths) then has that memory to use.
    mutating func releaseUnusedCapacity() {
        guard capacity > count else { return }
        let elementCount = count
        self = [Element](unsafeUninitializedCapacity: elementCount) { buffer, initialized in
            self.withUnsafeBufferPointer { source in
                _ = buffer.initialize(fromContentsOf: source)
            }
            initialized = elementCount
        }
    }
}
