import FuzzSupport
import RapportLanguage
import RapportTesting

// A walkthrough file (`NAME.tests`): parsed, every problem printed, and its walks run on every
// bundled scenario and fixture, so that a walk meant for one of them plays its real path and any
// other walk fails in every way a walk can fail.

/// Makes the harness's globals before the first input, so that their time is not counted as the
/// input's and a broken repository stops the run at once.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    _ = Fuzz.scenarios
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let source = SourceFile(name: "fuzz.tests", bytes: Fuzz.bytes(data, size))
    let (file, problems) = WalkthroughFile.parse(source)
    Fuzz.format(problems, source: source)
    for scenario in Fuzz.scenarios {
        let results = WalkthroughRunner.run(file, on: scenario)
        Fuzz.require(results.count == file.walks.count, "\(file.walks.count) walks gave \(results.count) results")
        for result in results { Fuzz.format(result.failures, source: source) }
    }
    return 0
}
