import Foundation

/// Shared example content for the pathway rules: a clean pathway, and ways to break it.
enum PathwayExamples {
    static let clean = """
        kind: pathway
        id: support-onboarding
        title: Support engineer onboarding
        owner: support-enablement
        competencies:
          - {competency: ticket-diagnosis, from: 1, to: 2}
        drives: [faster-onboarding/time-to-proficiency]
        baseline: {type: baseline, method: rubric, rubric: diagnosis-rubric}
        stages:
          - id: shadow
            title: Shadow real tickets
            level: 1
            practice:
              - task: Reproduce 10 shadowed tickets by following the runbook
                type: shadowing
                success_criteria: [Reproduces 8 of 10 tickets within 30 minutes each]
            coaching: {cadence: weekly, format: one-to-one}
            assessments:
              - {type: formative, method: observation}
          - id: resolve
            title: Resolve routine tickets
            level: 2
            practice:
              - task: Resolve 20 routine tickets in the live queue
                type: on-the-job
                success_criteria: [Resolves 18 of 20 tickets without escalation]
            coaching: {cadence: weekly, format: one-to-one}
            assessments:
              - {type: summative, method: rubric, rubric: diagnosis-rubric, pass: 2}
        retention: {type: retention, method: rubric, rubric: diagnosis-rubric, after: 3m}
        """

    /// Marks the pathway's title, where a finding about the whole pathway points.
    static let markTitle = ("title: Support engineer onboarding", "title: ↓Support engineer onboarding")

    static func with(_ replacements: [(String, String)]) -> String {
        replacements.reduce(clean) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
