/// Every diagnostic Rapport can report, with a stable code. `docs/diagnostics.md` documents each one
/// with a wrong example and its fix; a test keeps that page and this list in step.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable, Comparable {
    // Reading the file
    case notUTF8 = "RP0001"
    case emptyFile = "RP0002"
    // Names and references
    case undefinedNode = "RP0003"
    case unknownKeyword = "RP0004"
    case unknownHeaderKey = "RP0005"
    case missingTitle = "RP0006"
    case missingCustomer = "RP0007"
    case duplicateNode = "RP0008"
    case choiceLeadsNowhere = "RP0009"
    case unknownDimension = "RP0010"
    case malformedNumber = "RP0011"
    case malformedDuration = "RP0012"
    case malformedCondition = "RP0013"
    case undefinedVariable = "RP0014"
    case undefinedPromise = "RP0015"
    case deadEnd = "RP0016"
    case endlessLoop = "RP0017"
    case noEndingReachable = "RP0018"
    case duplicateHeaderKey = "RP0019"
    case invalidHeaderValue = "RP0020"
    case malformedState = "RP0021"
    case typeMismatch = "RP0022"
    case outOfBounds = "RP0023"
    case textBeforeFirstNode = "RP0024"
    case indentedOutsideChoice = "RP0025"
    case notAllowedInChoice = "RP0026"
    case duplicateInChoice = "RP0027"
    case noNodes = "RP0028"
    case invalidName = "RP0029"
    case missingSilenceTime = "RP0030"
    case missingText = "RP0031"
    case conditionNotAllowed = "RP0032"
    case duplicateVariable = "RP0033"
    case duplicateInNode = "RP0034"
    case malformedEffect = "RP0035"
    case unknownOutcome = "RP0036"
    case beyondLimit = "RP0037"
    // Warnings
    case unreachableNode = "RP0100"
    case missingCoachNote = "RP0101"
    case promiseNeverSettled = "RP0102"
    case variableNeverRead = "RP0103"
    case dimensionNeverScored = "RP0104"
    case unknownSpeaker = "RP0105"
    case controlCharacter = "RP0106"
    case unreachableLine = "RP0107"
    case largeScore = "RP0108"
    // Found by exploring every state a playthrough can reach
    case stuckState = "RP0200"
    case loopsWithoutChoice = "RP0201"
    case unboundedScore = "RP0202"
    case stateSpaceTooLarge = "RP0203"
    case choiceNeverOffered = "RP0204"
    case nodeNeverReached = "RP0205"
    case trapped = "RP0206"
    // Walkthrough test files (NAME.tests)
    case malformedWalk = "RP0300"
    case walkFailed = "RP0301"

    public var severity: Severity {
        switch self {
        case .unreachableNode, .missingCoachNote, .promiseNeverSettled, .variableNeverRead,
            .dimensionNeverScored, .unknownSpeaker, .controlCharacter, .unreachableLine, .largeScore,
            .unboundedScore, .choiceNeverOffered, .nodeNeverReached:
            return .warning
        default:
            return .error
        }
    }

    /// A short title, used as the heading in docs/diagnostics.md.
    public var title: String {
        switch self {
        case .notUTF8: "The file is not UTF-8 text"
        case .emptyFile: "The file is empty"
        case .undefinedNode: "No node with that name"
        case .unknownKeyword: "Unknown keyword"
        case .unknownHeaderKey: "Unknown header key"
        case .missingTitle: "No title"
        case .missingCustomer: "No customer"
        case .duplicateNode: "Two nodes with the same name"
        case .choiceLeadsNowhere: "A choice leads nowhere"
        case .unknownDimension: "Unknown dimension"
        case .malformedNumber: "Not a whole number"
        case .malformedDuration: "Not a duration"
        case .malformedCondition: "A condition that cannot be read"
        case .undefinedVariable: "No state with that name"
        case .undefinedPromise: "No promise with that name"
        case .deadEnd: "A dead end"
        case .endlessLoop: "A loop with no way out"
        case .noEndingReachable: "No ending can be reached"
        case .duplicateHeaderKey: "A header key given twice"
        case .invalidHeaderValue: "A header value that is not allowed"
        case .malformedState: "A state declaration that cannot be read"
        case .typeMismatch: "A number where yes/no is needed, or the other way round"
        case .outOfBounds: "A value outside its limits"
        case .textBeforeFirstNode: "Text before the first node"
        case .indentedOutsideChoice: "An indented line that belongs to no choice"
        case .notAllowedInChoice: "A line that cannot go under a choice"
        case .duplicateInChoice: "A detail given twice for one choice"
        case .noNodes: "No nodes"
        case .invalidName: "A name with characters that are not allowed"
        case .missingSilenceTime: "A silence with no time"
        case .missingText: "Something missing after a keyword"
        case .conditionNotAllowed: "A condition on a line that cannot have one"
        case .duplicateVariable: "Two state values with the same name"
        case .duplicateInNode: "A node detail given twice"
        case .malformedEffect: "A score or set line that cannot be read"
        case .unknownOutcome: "An ending without good, mixed or poor"
        case .beyondLimit: "Larger than Rapport allows"
        case .unreachableNode: "A node nothing leads to"
        case .missingCoachNote: "A choice without a coach note"
        case .promiseNeverSettled: "A promise never kept or broken"
        case .variableNeverRead: "State that nothing reads"
        case .dimensionNeverScored: "A dimension nothing scores"
        case .unknownSpeaker: "A speaker who is not in the cast"
        case .controlCharacter: "A control or invisible character in the text"
        case .unreachableLine: "A line that can never be reached"
        case .largeScore: "A score outside the scale"
        case .stuckState: "The trainee can get stuck"
        case .loopsWithoutChoice: "The conversation can loop forever"
        case .unboundedScore: "A score with no limit"
        case .stateSpaceTooLarge: "Too many states to explore"
        case .choiceNeverOffered: "A choice that is never offered"
        case .nodeNeverReached: "A node no playthrough reaches"
        case .trapped: "A loop the trainee cannot leave"
        case .malformedWalk: "A walkthrough test line that cannot be read"
        case .walkFailed: "A walkthrough test that failed"
        }
    }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
