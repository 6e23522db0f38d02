import RapportLanguage
import Testing

func scenario(_ text: String, name: String = "test.scenario") throws -> CheckedScenario {
    let result = Checker.check(SourceFile(name: name, text: text))
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map { "\($0.range.start.line): \($0.message)" })")
    return try #require(result.scenario)
}

/// A phone call with a promise, a meter, a silence, node effects and three endings.
let callback = """
    title: Callback
    customer: Dana Okafor
    channel: phone
    state: patience = 2 (0..3), escalated = false

    == start
    moment: Opening
    Dana: You charged me twice.
    silence 20s: Dana: Hello?
      score: empathy -1
      set: patience -= 1
    * I'm sorry, Dana. I'll sort this out.
      score: respect +1, ownership +2
      coach: Ownership first.
      -> promise
    * The system is down, nothing I can do.
      score: ownership -2
      set: patience -= 2
      coach: An excuse.
      -> promise

    == promise
    [if patience <= 0] -> walkout
    * I'll call you back by 3pm.
      promise callback: call Dana by 3pm
      coach: Specific.
      -> later
    * Someone will be in touch.
      score: follow-through -1
      coach: Vague.
      -> later

    == later
    It's 2:50pm.
    * [if promised callback] Call Dana now.
      keep: callback
      coach: On time.
      -> good
    * Wait for news.
      break: callback
      coach: Silence.
      -> meh

    == good
    Dana: Thanks for calling.
    end good: Dana stays.

    == meh
    end mixed: Dana waits.

    == walkout
    set: escalated = true
    [if escalated] Dana hangs up.
    end poor: Dana leaves.
    """
