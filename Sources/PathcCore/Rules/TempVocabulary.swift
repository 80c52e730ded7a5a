// Temporary stand-in until DefaultVocabulary.swift lands.
enum DefaultVocabulary {
    static let observableVerbs: [BloomLevel: [String]] = [
        .remember: ["list", "recall", "define", "identify", "name", "state", "label"],
        .understand: ["describe", "explain", "summarize", "classify", "discuss", "outline", "report"],
        .apply: ["apply", "demonstrate", "use", "run", "facilitate", "deliver", "resolve", "handle", "lead", "present", "coach",
                 "negotiate", "close", "ship", "hold", "reproduce", "achieve", "reach", "maintain", "cut", "reduce", "raise",
                 "increase", "complete", "pair", "sort", "pairs", "book", "send", "record", "follow", "respond", "support", "ask"],
        .analyse: ["analyse", "analyze", "diagnose", "investigate", "trace", "troubleshoot", "test"],
        .evaluate: ["evaluate", "assess", "review", "score", "rate", "validate", "verify", "choose", "recommend", "justify"],
        .create: ["create", "design", "build", "develop", "write", "draft", "produce", "plan", "propose", "publish", "document"],
    ]
    static let unobservableVerbs = ["understand", "know", "learn", "appreciate", "be aware of", "believe", "realize", "grasp",
                                    "internalize", "become familiar with", "gain insight", "think about", "comprehend"]
    static let vagueVerbs = ["improve", "enhance", "increase", "better", "strengthen", "boost", "grow", "optimize", "reduce", "cut", "raise"]
    static let vagueTerms = ["various", "several", "some", "many", "etc", "as needed", "as appropriate", "effectively", "successfully",
                             "world-class", "best-in-class", "robust", "synergy", "leverage", "strive", "try to", "help to", "work on"]
    static let vagueObjects = ["skills", "mindset", "culture", "awareness", "excellence", "collaboration", "satisfaction"]
    static let hedges = ["may", "might", "could", "hopefully", "ideally"]
    static let abilityPhrases = ["be able to", "able to", "can", "capable of", "ability to"]
    static let activityVerbs = ["complete", "attend", "participate", "enroll", "finish", "watch", "take", "consult", "help"]
    static let activityObjects = ["course", "courses", "training", "workshop", "workshops", "session", "sessions", "webinar", "module"]
    static let degreePhrases = ["without assistance", "without help", "independently", "unaided", "error-free"]
    static let numberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twice", "half", "zero"]
    static let irregularForms: [String: [String]] = ["lead": ["led"], "write": ["wrote", "written"], "run": ["ran"], "hold": ["held"],
                                                     "understand": ["understood"], "know": ["knew", "known"], "learn": ["learnt"]]
}
