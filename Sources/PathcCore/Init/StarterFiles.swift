/// What `pathc init` writes: a starter pathc.yaml, the default schemas, one example of each kind
/// (a small but complete organisation that passes `pathc check`), and the pre-commit hook.
public enum StarterFiles {
    /// Relative path and contents, in the order they are written. The examples are dated `today`
    /// (their cycle, first check-ins and calibration), so that a new repository checks clean.
    public static func all(today: CalendarDate) -> [(path: String, contents: String)] {
        var files: [(String, String)] = [("pathc.yaml", config)]
        for name in BuiltinSchemas.files.keys.sorted() {
            files.append(("schemas/\(name)", BuiltinSchemas.files[name]! + "\n"))
        }
        files += examples(today: today)
        files.append((".githooks/pre-commit", PreCommitHook.script + "\n"))
        files.append((".gitignore", gitignore))
        files.append((".github/workflows/pathc.yml", githubWorkflow))
        return files
    }

    /// The CI workflow for GitHub: pathc built once at a pinned version and cached, every pull
    /// request checked (annotations on the diff), the site published from main.
    static let githubWorkflow = """
        # pathc on GitHub Actions: checks the pathway files of every pull request (findings show
        # as annotations on the diff) and publishes the site from main to GitHub Pages (turn Pages
        # on with "GitHub Actions" as the source). pathc is built from its source once per version,
        # then restored from the cache.
        name: pathc

        on:
          pull_request:
          push:
            branches: [main]

        permissions:
          contents: read

        env:
          # Where your organisation keeps pathc's source, and the tag to build: change the tag to
          # move to another version of pathc, on purpose and in a pull request of its own.
          PATHC_REPOSITORY: your-organisation/pathc
          PATHC_VERSION: v\(PathcVersion.current)

        jobs:
          check:
            runs-on: ubuntu-latest
            container: swift:6.0
            env:
              # Through the environment, never pasted into the script: a branch name is user input.
              BASE_REF: ${{ github.base_ref }}
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0 # --since compares with the base branch, which needs its history
              - run: git config --global --add safe.directory "$GITHUB_WORKSPACE"
              - id: cache
                uses: actions/cache@v4
                with:
                  path: .pathc
                  key: pathc-${{ env.PATHC_VERSION }}-swift-6.0
              - name: Build pathc
                if: steps.cache.outputs.cache-hit != 'true'
                run: |
                  git clone --quiet --depth 1 --branch "$PATHC_VERSION" "https://github.com/$PATHC_REPOSITORY" .pathc/source
                  .pathc/source/scripts/install --prefix "$PWD/.pathc"
              - run: echo "$PWD/.pathc/bin" >> "$GITHUB_PATH"
              # What --since knows of the base revision's files (.git/pathc, never committed):
              # the first run against a base revision reads every file, later runs only the change.
              - if: github.event_name == 'pull_request'
                uses: actions/cache@v4
                with:
                  path: .git/pathc
                  key: pathc-facts-${{ env.PATHC_VERSION }}-${{ github.event.pull_request.base.sha }}
                  restore-keys: pathc-facts-${{ env.PATHC_VERSION }}-
              - name: Check the pathway files
                run: |
                  if [ -n "$BASE_REF" ]; then
                    pathc check --since "origin/$BASE_REF" --format github
                  else
                    pathc check --format github
                  fi
              - name: Build the site
                if: github.event_name == 'push'
                run: pathc build
              - if: github.event_name == 'push'
                uses: actions/upload-pages-artifact@v3
                with:
                  path: site

          publish:
            if: github.event_name == 'push'
            needs: check
            runs-on: ubuntu-latest
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """

    /// The site is built, not committed.
    static let gitignore = """
        # The site pathc builds (pathc build): publish it from CI, do not commit it.
        /site/
        # pathc as CI builds it (.github/workflows/pathc.yml).
        /.pathc/

        """

    static let config = """
        # pathc project configuration: see schemas/config.schema.yaml for every setting.
        name: My organisation
        content: pathways
        schemas: schemas
        output: site
        # rules:
        #   vague-term: error
        # vocabulary:
        #   observable_verbs: {add: [triage]}

        """

    /// The examples as of a fixed date (the fuzz seed is made from them).
    static let examples = examples(today: CalendarDate(year: 2026, month: 8, day: 20)!)

    static func examples(today: CalendarDate) -> [(String, String)] {
        // Check-ins two weeks apart, both inside this year's cycle, the last one on target.
        let earlier = max(CalendarDate(year: today.year, month: 1, day: 1)!, today.adding(days: -14))
        func checkins(_ first: String, _ last: String) -> String {
            earlier == today ? "      - {date: \(today), value: \(last)}"
                : "      - {date: \(earlier), value: \(first)}\n      - {date: \(today), value: \(last)}"
        }
        return [
        ("pathways/okrs/team/support-pairing-\(today.year).okr.yaml", """
            kind: okr
            id: support-pairing-\(today.year)
            level: team
            cycle: '\(today.year)'
            owner: support-team-lead
            aligned_to: [faster-onboarding-\(today.year)]
            objective: Pair every new support engineer with a senior engineer in their first week
            review: {cadence: monthly, reviewers: [support-leads]}
            key_results:
              - id: paired-in-first-week
                result: Pair 10 of 10 new support engineers with a senior engineer in their first week
                metric: new support engineers paired with a senior engineer in their first week
                baseline: 0
                target: 10
                unit: engineers
                indicator: leading
                source: onboarding tracker, weekly
                checkins:
            \(checkins("6", "10"))
              - id: first-month-escalations
                result: Cut escalations by engineers in their first month from 30 to 12 a month
                metric: tickets escalated by engineers in their first month, per month
                baseline: 30
                target: 12
                unit: escalations
                indicator: lagging
                source: support desk report, monthly
                checkins:
            \(checkins("18", "12"))

            """),
        ("pathways/okrs/developmental/ticket-diagnosis-growth-\(today.year).okr.yaml", """
            kind: okr
            id: ticket-diagnosis-growth-\(today.year)
            level: developmental
            cycle: '\(today.year)'
            owner: new-support-engineers
            aligned_to: [support-pairing-\(today.year)]
            develops: [ticket-diagnosis]
            pathway: support-onboarding
            objective: New support engineers diagnose routine tickets without escalating them
            review: {cadence: biweekly, reviewers: [support-team-lead]}
            key_results:
              - id: routine-tickets-resolved
                result: Raise routine tickets resolved without escalation to 90%
                metric: routine tickets a new engineer resolves without escalating them
                baseline: 40%
                target: 90%
                indicator: lagging
                source: support desk report, weekly
                checkins:
            \(checkins("75%", "90%"))
              - id: proficient-diagnosis-notes
                result: Raise root-cause notes scored Proficient on the diagnosis rubric from 20% to 70%
                metric: root-cause notes scored Proficient or above on the diagnosis rubric in peer review
                baseline: 20%
                target: 70%
                indicator: leading
                source: peer review tracker, weekly
                checkins:
            \(checkins("55%", "70%"))

            """),
        ("pathways/okrs/faster-onboarding-\(today.year).okr.yaml", """
            kind: okr
            id: faster-onboarding-\(today.year)
            level: strategic
            cycle: '\(today.year)'
            owner: chief-operating-officer
            objective: Cut the time new support engineers take to resolve tickets without help
            review: {cadence: monthly, reviewers: [leadership-team]}
            key_results:
              - id: time-to-proficiency
                result: Cut time to proficiency for new support engineers from 12 to 8 weeks
                metric: weeks from start date to resolving ten tickets in a row without escalation
                baseline: 12
                target: 8
                indicator: lagging
                source: support desk report, monthly
                checkins:
            \(checkins("10", "8"))
              - id: shadowed-tickets
                result: Each new engineer shadows 20 ticket resolutions in their first month
                metric: shadowed ticket resolutions per new engineer in the first month
                baseline: 5
                target: 20
                unit: resolutions
                indicator: leading
                source: onboarding tracker, weekly
                checkins:
            \(checkins("15", "20"))

            """),
        ("pathways/competencies/ticket-diagnosis.competency.yaml", """
            kind: competency
            id: ticket-diagnosis
            name: Ticket diagnosis
            description: Finds the cause of a customer's problem from the evidence in the ticket.
            supports: [faster-onboarding-\(today.year)]
            levels:
              - level: 1
                name: Guided
                behaviors:
                  - Reproduces a reported problem by following a written runbook
              - level: 2
                name: Independent
                behaviors:
                  - Diagnoses the cause of a routine ticket without escalating it
              - level: 3
                name: Expert
                behaviors:
                  - Diagnoses the cause of a ticket no runbook covers within one working day

            """),
        ("pathways/roles/support-engineer.role.yaml", """
            kind: role
            id: support-engineer
            title: Support engineer
            family: support
            competencies:
              - competency: ticket-diagnosis
                level: 2

            """),
        ("pathways/rubrics/diagnosis-rubric.rubric.yaml", """
            kind: rubric
            id: diagnosis-rubric
            title: Ticket diagnosis
            scale: [Emerging, Proficient, Exemplary]
            criteria:
              - id: cause
                name: Finding the cause
                descriptors:
                  - Names a cause without evidence from the ticket
                  - Names the cause with two pieces of evidence from the ticket
                  - Names the cause with evidence and rules out the two likeliest alternatives in writing
            calibrated: \(today)

            """),
        ("pathways/journeys/support-onboarding.pathway.yaml", """
            kind: pathway
            id: support-onboarding
            title: Support engineer onboarding
            summary: New support engineers go from guided to independent ticket diagnosis.
            owner: support-enablement
            roles: [support-engineer]
            competencies:
              - {competency: ticket-diagnosis, from: 1, to: 2}
            drives: [faster-onboarding-\(today.year)/time-to-proficiency]
            duration: 8w
            baseline:
              type: baseline
              method: rubric
              rubric: diagnosis-rubric
            stages:
              - id: shadow
                title: Shadow real tickets
                level: 1
                duration: 4w
                practice:
                  - task: Reproduce 10 shadowed tickets by following the runbook
                    type: shadowing
                    success_criteria:
                      - Reproduces 8 of 10 tickets within 30 minutes each
                coaching: {cadence: weekly, format: one-to-one, with: senior support engineer}
                assessments:
                  - {type: formative, method: observation}
              - id: resolve
                title: Resolve routine tickets
                level: 2
                duration: 4w
                practice:
                  - task: Resolve 20 routine tickets in the live queue
                    type: on-the-job
                    success_criteria:
                      - Resolves 18 of 20 tickets without escalation
                coaching: {cadence: weekly, format: one-to-one, with: team lead}
                assessments:
                  - {type: summative, method: rubric, rubric: diagnosis-rubric, pass: 2}
            milestones:
              - id: independent
                outcome: Diagnoses routine tickets without assistance within 30 minutes
                evidence: rubric score of Proficient in the summative assessment
                after: resolve
            retention:
              type: retention
              method: rubric
              rubric: diagnosis-rubric
              after: 3m

            """),
        ]
    }
}
