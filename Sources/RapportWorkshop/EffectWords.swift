import RapportEngine
import RapportLanguage

/// What an option does besides scoring, in words the room reads: a promise by what was promised,
/// never by its id in the file, and the customer's meter by its name. Other state values are the
/// scenario's bookkeeping and are not shown.
public enum EffectWords {
    public static func describe(_ event: Event, in scenario: CheckedScenario) -> String? {
        func promise(_ name: String) -> String {
            Sanitizer.clean(scenario.promises.first { $0.name == name }?.description ?? "a promise")
        }
        switch event {
        case .promiseMade(_, let description): return "makes a promise: \(Sanitizer.clean(description))"
        case .promiseKept(let name): return "keeps the promise: \(promise(name))"
        case .promiseBroken(let name): return "breaks the promise: \(promise(name))"
        case .promiseDropped(let name): return "drops the promise: \(promise(name))"
        case .promiseLeftOpen(let name): return "leaves the promise open: \(promise(name))"
        case .stateChanged(let name, let from, let to):
            guard let meter = scenario.meter, scenario.variables[meter].name == name else { return nil }
            return "\(Sanitizer.clean(name)): \(from) to \(to)"
        case .scored, .silence, .ended: return nil
        }
    }
}
