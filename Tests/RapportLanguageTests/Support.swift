import RapportLanguage

func check(_ text: String, name: String = "test.scenario") -> CheckResult {
    Checker.check(SourceFile(name: name, text: text))
}

func codes(_ text: String) -> [DiagnosticCode] {
    check(text).diagnostics.map(\.code)
}

/// A small valid scenario to build variations on.
let minimal = """
    title: Minimal
    customer: Dana Okafor

    == start
    Dana: Hello?
    * Hello Dana, how can I help?
      score: respect +1
      coach: Greet by name.
      -> done
    * What's your account number?
      score: respect -1
      coach: Number before person.
      -> done

    == done
    end good: Fine.
    """
