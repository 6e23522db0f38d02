import RapportTerminal
import Testing

/// The silence timer, driven by a clock of the test's own (seconds as numbers), never real time.
@Suite struct SilenceTimerTests {
    @Test func theCustomerSpeaksAfterAPause() {
        let timer = SilenceTimer(seconds: 10, startingAt: 100)
        #expect(timer.remaining(at: 104) == 6)
        #expect(timer.remaining(at: 110) <= 0)
    }

    @Test func typingHoldsTheTimerOff() {
        var timer = SilenceTimer(seconds: 10, startingAt: 0)
        timer.typed(at: 8)
        #expect(timer.remaining(at: 12) == 6, "the pause began at the last key, not at the prompt")
        timer.typed(at: 17)
        #expect(timer.remaining(at: 26) == 1)
    }

    @Test func timeWhileSuspendedDoesNotCount() {
        var timer = SilenceTimer(seconds: 20, startingAt: 0)
        // Ctrl-Z at 5; fg an hour later.
        timer.resumed(at: 3_605)
        #expect(timer.remaining(at: 3_606) == 19)
    }

    @Test func anEarlierClockNeverShortensThePause() {
        var timer = SilenceTimer(seconds: 10, startingAt: 50)
        timer.typed(at: 40)
        #expect(timer.remaining(at: 55) == 5)
    }
}
