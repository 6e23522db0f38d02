import CMalloc

/// How the process's allocator gives memory back, set once by each executable at its start.
public enum ProcessMemory {
    /// Blocks of 128 KB and more get memory of their own and give it back to the system as soon as
    /// they are freed. glibc starts that way, but each time it frees such a block it raises the
    /// threshold to the block's size (up to 32 MB), to save system calls. Checking a large file
    /// frees hundreds of such blocks (the file's syntax, segment by segment), and with the raised
    /// threshold they came from the shared heap instead, where freed memory stays in the process:
    /// 15 MB of it after checking a 13 MB file, on top of the checked scenario. Fixing the threshold
    /// turns that off; nothing else changes. Elsewhere than glibc it does nothing.
    ///
    /// Returns false when the allocator refused the setting.
    @discardableResult
    public static func returnLargeBlocksWhenFreed() -> Bool {
        rapport_fix_mmap_threshold(largeBlock) != 0
    }

    /// Gives the memory freed so far back to the system, in every allocator arena: what a large
    /// check on two threads frees in the second thread's arena stays there otherwise, and how much
    /// depends on how the two threads' work interleaved (up to 4 MB more after checking a 13 MB
    /// file, one run in seven). It takes a few milliseconds on a large heap, so it is for before
    /// long work that grows (the analysis), not for every check.
    public static func giveBackFreedMemory() {
        rapport_give_back_freed_memory()
    }

    /// The size from which a block is given back as soon as it is freed: glibc's starting value.
    static let largeBlock: Int32 = 128 * 1024
}
