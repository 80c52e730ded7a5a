/// PW4012: a key result that counts outputs or one-off tasks ("Publish 5 blog posts", "Run 3
/// events", "Hire 4 engineers", "Ship v2"), not the change they are meant to cause.
struct OutputAsResultRule: TextRule {
    var description: RuleDescription { Self.description }
    static let outputVerbs = WordList("output_verbs", "verbs of key results that produce an output or finish a task", inflected: true, [
        "add", "announce", "build", "complete", "conduct", "create", "define", "deliver", "deploy", "design", "develop",
        "document", "draft", "establish", "finalise", "finalize", "finish", "give", "hire", "hold", "host", "implement",
        "introduce", "kick off", "launch", "migrate", "onboard", "open", "organise", "organize", "plan", "post", "prepare",
        "present", "produce", "publish", "record", "recruit", "redesign", "refactor", "release", "roll out", "run", "send",
        "send out", "set up", "ship", "start", "submit", "update", "write", "rewrite", "integrate", "automate", "identify",
        "map", "audit", "interview", "survey", "translate", "train", "form", "speak", "attend", "get feedback",
        "gather feedback", "collect feedback", "capture",
    ])
    /// Things a key result may say exist, which are outputs: "libp2p has a design doc", "All components include guidance".
    static let deliverables: Set<String> = [
        "article", "articles", "blog", "checklist", "daemon", "dashboard", "design", "designdoc", "doc", "docs", "document",
        "documentation", "framework", "guidance", "guide", "guides", "implementation", "library", "list", "page", "pages",
        "plan", "playbook", "poc", "policy", "post", "posts", "process", "prototype", "rating", "report", "roadmap", "runbook",
        "runbooks", "spec", "specification", "suite", "template", "templates", "tool", "tooling", "tools", "tutorial",
        "version", "video", "videos", "vision", "website", "workshop",
    ]
    static let outcomeWords = WordList("outcome_words", "nouns that name a measure of impact: a key result about one of them is an outcome", [
        "adoption", "activation", "arr", "availability", "churn", "conversion", "conversions", "csat", "engagement", "growth",
        "latency", "margin", "mrr", "nps", "profit", "rate", "ratio", "retention", "revenue", "satisfaction", "score",
        "share", "uptime", "usage", "savings", "cost", "costs", "time", "times", "errors", "incidents", "downtime",
        "sales", "bookings", "signups", "sign-ups", "renewals", "accuracy", "coverage", "reliability", "throughput",
        "percentage", "proportion", "median", "average", "mean", "p95", "p99",
    ])

    static let description = RuleDescription(
        code: "PW4012", name: "output-as-result", severity: .warning, axis: .measurable,
        summary: "a key result that counts outputs or one-off tasks (publish 5 posts, run 3 events, hire 4 engineers), not impact",
        why: """
            Five blog posts can be published and change nothing. A key result is the change the work is \
            meant to cause: more sign-ups, faster answers, fewer incidents. Outputs and tasks belong in \
            the plan of work; as key results they are met by doing the work, whatever it achieves. (A \
            leading indicator may count a recurring activity, such as four role-plays a month.)
            """,
        fix: "measure what the output should change: \"Raise organic sign-ups from 300 to 450 a month\"",
        bad: [RuleExample("↓Publish 5 blog posts about the new API", field: .keyResult),
              RuleExample("↓Hire 4 engineers for the platform team", field: .keyResult),
              RuleExample("↓Send out a customer survey", field: .keyResult),
              RuleExample("↓Ship version 2 of the mobile app", field: .keyResult)],
        good: [RuleExample("Raise organic sign-ups from 300 to 450 a month", field: .keyResult),
               RuleExample("Hire from under-represented groups for 4 of every 10 engineering roles", field: .keyResult),
               RuleExample("Cut median time to first response from 9 to 4 hours", field: .keyResult),
               RuleExample("Deliver 12% revenue growth in the enterprise segment", field: .keyResult)])
    let fields: Set<StatementField> = [.keyResult]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        // A share, a rate or a measure of impact makes it an outcome: "Resolve 90% of tickets within a day".
        // (A leading indicator may count how often a practice is followed: "publish a mutual action
        // plan on 80% of late-stage opportunities".) "100% of services have a runbook" still counts outputs.
        let deliverable = Self.deliverable(analysis)
        if analysis.hasPercentage || analysis.hasRatio, deliverable == nil || statement.isLeadingIndicator { return [] }
        if analysis.words.contains(where: { Self.isOutcomeHead($0, analysis) }) { return [] }
        if let deliverable {
            return [statement.finding(
                at: analysis.characters(deliverable), "'\(statement.substring(analysis.characters(deliverable)))' is an output, not a result",
                label: "output", help: "measure the change the output should cause, and keep the output in the plan of work")]
        }
        guard let predicate = analysis.predicates.first(where: { !["be", "have", "do"].contains(analysis.tags[$0].lemma) }),
              analysis.lists.contains(.outputVerbs, token: predicate)
                || analysis.lists.all(.outputVerbs).contains(where: { analysis.words[$0.lowerBound] == predicate }) else { return [] }
        if statement.isLeadingIndicator, Self.isRecurring(analysis) { return [] }
        let range = analysis.object(after: predicate).map {
            analysis.tokens[predicate].range.lowerBound..<analysis.tokens[$0.upperBound - 1].range.upperBound
        } ?? statement.range(predicate)
        return [statement.finding(
            at: range, "'\(statement.substring(range))' is an output, not a result", label: "output",
            help: "measure the change it should cause (more of what, less of what, for whom), and keep the output in the plan of work")]
    }

    /// An outcome noun at the head of its phrase: "cycle time from 20 to 17", not "full time contributors".
    static func isOutcomeHead(_ index: Int, _ analysis: TextAnalysis) -> Bool {
        guard analysis.lists.contains(.outcomeWords, token: index) else { return false }
        guard let next = analysis.wordAfter(index), next == index + 1 else { return true }
        return analysis.tags[next].tag != .noun
    }

    /// "has a v0 spec", "include accessibility guidance", "maintain a ranked list": a key result
    /// that says a deliverable exists. The word positions of the verb and the deliverable.
    static func deliverable(_ analysis: TextAnalysis) -> Range<Int>? {
        guard let predicate = analysis.predicates.first,
              ["have", "include", "contain", "maintain", "exist", "get", "provide", "offer"].contains(analysis.tags[predicate].lemma),
              let object = analysis.object(after: predicate) else { return nil }
        let head = analysis.head(of: object)
        guard deliverables.contains(analysis.tokens[head].text) || analysis.tags[head].lemma == "documentation" else { return nil }
        guard let start = analysis.words.firstIndex(of: predicate), let end = analysis.words.firstIndex(of: head) else { return nil }
        return start..<(end + 1)
    }

    /// "four role-plays a month", "weekly", "per engineer": a rate, not a one-off.
    static func isRecurring(_ analysis: TextAnalysis) -> Bool {
        for (position, index) in analysis.words.enumerated() {
            let word = analysis.tokens[index].text
            if ["per", "weekly", "monthly", "daily", "quarterly", "biweekly", "fortnightly"].contains(word) { return true }
            if word == "a" || word == "each" || word == "every", position + 1 < analysis.words.count,
               ["day", "week", "month", "quarter", "sprint", "cycle", "release"].contains(analysis.tokens[analysis.words[position + 1]].text) {
                return true
            }
        }
        return false
    }
}


