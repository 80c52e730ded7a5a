/// A fix made to a file, or that would be, or that was left out.
public struct AppliedFix: Sendable, Equatable {
    /// The file as shown, and the line of the finding (fixes change words, not lines).
    public let path: String
    public let line: Int
    public let title: String
    public let code: DiagnosticCode

    init(_ diagnostic: Diagnostic, _ fix: Fix) {
        path = diagnostic.file.path
        line = diagnostic.start.line
        title = fix.title
        code = diagnostic.code
    }
}

/// A content file with the fixes kept for it.
public struct FixedFile: Sendable {
    /// As shown in diagnostics, and absolute.
    public let path: String
    public let absolutePath: String
    /// The text as read, and with the fixes made.
    public let original: [UInt8]
    public let fixed: [UInt8]
    public let fixes: [AppliedFix]
    /// Why the file was not written, when it was to be and was not.
    public var problem: String?
}

/// What `check --fix` did, or would do.
public struct FixOutcome: Sendable {
    /// The files with fixes kept, by path.
    public var files: [FixedFile]
    /// The findings of the repository with every kept fix made: what remains, in report order.
    public var remaining: [Diagnostic]
    /// Every content file, as shown.
    public var checkedFiles: [String]
    /// The fixes of findings in scope that were left out, because the check did not come out
    /// strictly better with them (or the run's checks ran out), in report order.
    public var declined: [AppliedFix]
    /// The rounds that kept a fix.
    public var rounds: Int

    public var fixCount: Int { files.reduce(0) { $0 + $1.fixes.count } }
}

/// `check --fix`: makes the fixes diagnostics carry, keeping only those that make the check
/// strictly better. The repository is held in memory and kept checked (`LiveCheck`, which
/// re-checks only what a change affects); each round takes the first
/// fix of every finding in scope, those of a file that do not overlap, and tries them: all files
/// at once, else by halves down to one file, then that file's fixes by halves down to one fix. A
/// change is kept when every finding it fixes is gone and no finding appears that was not there
/// before, anywhere in the repository (a renamed id can break a reference in another file). A
/// fixed reference may resolve only once another is fixed, and a finding may show its fix only
/// once another is gone, so rounds repeat, a few at most. Files are written last, each in one
/// step, and only when they still hold what was read.
public enum FixRun {
    /// Rounds of fixing, at most.
    public static let rounds = 3
    /// Checks tried in one run, at most: each costs a check of the whole repository, and fixes
    /// that make things worse, spread over many files, cost a few each.
    static let maxTrials = 200

    /// Fixes the findings of `checker`'s repository in the files `inScope` accepts (paths as
    /// shown), writing the files unless `write` is false; nil when the repository's configuration
    /// is invalid (nothing can be checked, or fixed, then).
    public static func run(_ checker: Checker, inScope: (String) -> Bool, write: Bool) -> FixOutcome? {
        guard case .success(let opened) = LiveCheck.open(checker) else { return nil }
        var run = Run(live: opened)
        var kept = 0
        for _ in 0..<rounds {
            let plan = run.plan(inScope: inScope)
            if plan.isEmpty || !run.fix(plan) { break }
            kept += 1
        }
        let live = run.live
        var files: [FixedFile] = []
        for path in run.texts.keys.sorted() {
            guard let absolute = live.contentPath(path), let original = run.originals[path], let fixed = run.texts[path],
                  fixed != original else { continue }
            var file = FixedFile(path: path, absolutePath: absolute, original: original, fixed: fixed,
                                 fixes: run.made[path, default: []].sorted { ($0.line, $0.title) < ($1.line, $1.title) })
            if write { file.problem = Self.write(file, contentFolder: live.setup.contentFolder) }
            files.append(file)
        }
        let declined = run.current.compactMap { diagnostic -> AppliedFix? in
            guard let fix = diagnostic.fixes.first, inScope(diagnostic.file.path), live.contentPath(diagnostic.file.path) != nil else { return nil }
            return AppliedFix(diagnostic, fix)
        }
        return FixOutcome(files: files, remaining: run.current, checkedFiles: live.paths.map(live.checker.display), declined: declined,
                          rounds: kept)
    }

    /// Writes a fixed file in one step, only inside the content folder and only if it still holds
    /// what was read. Nil when written, else why not.
    static func write(_ file: FixedFile, contentFolder: String) -> String? {
        guard let real = Paths.realPath(file.absolutePath), let folder = Paths.realPath(contentFolder),
              real.hasPrefix(folder == "/" ? "/" : folder + "/") else {
            return "'\(file.path)' is not inside the content folder once its links are followed; left as it is"
        }
        return Paths.overwrite(file.absolutePath, with: file.fixed, ifStill: file.original, shownAs: file.path)
    }

    /// One finding's fix, in a round's plan.
    struct Item {
        let diagnostic: Diagnostic
        let fix: Fix
    }

    /// The state of a run: the repository with the kept fixes, and what was kept.
    struct Run {
        var live: LiveCheck
        /// The findings of the repository with the fixes kept so far, in report order.
        var current: [Diagnostic]
        /// The text of each file changed, as read and as fixed.
        var originals: [String: [UInt8]] = [:]
        var texts: [String: [UInt8]] = [:]
        var made: [String: [AppliedFix]] = [:]
        var trials = 0

        init(live: LiveCheck) {
            self.live = live
            current = live.allFindings
        }

        /// The fixes to try this round, by file (sorted): the first fix of each finding in a
        /// content file in scope, in file order, leaving out those that overlap one before.
        func plan(inScope: (String) -> Bool) -> [(path: String, items: [Item])] {
            var byFile: [String: [Item]] = [:]
            for diagnostic in current {
                guard let fix = diagnostic.fixes.first, inScope(diagnostic.file.path), live.contentPath(diagnostic.file.path) != nil else { continue }
                byFile[diagnostic.file.path, default: []].append(Item(diagnostic: diagnostic, fix: fix))
            }
            return byFile.keys.sorted().compactMap { path in
                let items = byFile[path]!.enumerated().sorted { a, b in
                    (a.element.fix.edits[0].span.start, a.offset) < (b.element.fix.edits[0].span.start, b.offset)
                }.map(\.element)
                let applied = Fix.apply(items.map(\.fix), to: items[0].diagnostic.file.bytes).applied
                return applied.isEmpty ? nil : (path, applied.map { items[$0] })
            }
        }

        /// Tries a round's plan: every file at once; when that is not better, each half of the
        /// files, down to one file, then that file's fixes the same way, down to one fix. A fix
        /// that makes the check worse costs a few checks more per halving, not one per file.
        /// Whether anything was kept.
        mutating func fix(_ plan: [(path: String, items: [Item])]) -> Bool {
            let before = made.values.reduce(0) { $0 + $1.count }
            settle(plan[...])
            return made.values.reduce(0) { $0 + $1.count } > before
        }

        private mutating func settle(_ files: ArraySlice<(path: String, items: [Item])>) {
            guard let first = files.first else { return }
            if attempt(Array(files), fixing: files.flatMap(\.items)) { return }
            if files.count == 1 {
                // One file: its fixes, each with those of the file kept before it, all edits of
                // the text the round started from. Tried together above.
                var kept: [Item] = []
                settle(first.items[...], of: first.path, kept: &kept, triedTogether: true)
                return
            }
            let middle = files.startIndex + files.count / 2
            settle(files[..<middle])
            settle(files[middle...])
        }

        private mutating func settle(_ items: ArraySlice<Item>, of path: String, kept: inout [Item], triedTogether: Bool) {
            guard !items.isEmpty else { return }
            if !triedTogether, attempt([(path, kept + items)], fixing: Array(items)) {
                kept += items
                return
            }
            guard items.count > 1 else { return }
            let middle = items.startIndex + items.count / 2
            settle(items[..<middle], of: path, kept: &kept, triedTogether: false)
            settle(items[middle...], of: path, kept: &kept, triedTogether: false)
        }

        /// Checks the repository with the fixes of `changes` made (each file's, edits of the text
        /// the round started from), and keeps them when that is strictly better for the findings
        /// `targets` fixes. Whether they were kept.
        mutating func attempt(_ changes: [(path: String, items: [Item])], fixing targets: [Item]) -> Bool {
            guard trials < FixRun.maxTrials else { return false }
            trials += 1
            var changed: [String: [UInt8]] = [:]
            for change in changes {
                changed[change.path] = Fix.apply(change.items.map(\.fix), to: change.items[0].diagnostic.file.bytes).bytes
            }
            var trial = live
            for (path, bytes) in changed {
                if let absolute = live.contentPath(path) { trial.replace(absolute, text: bytes) }
            }
            let after = trial.allFindings
            guard FixRun.improves(from: current, to: after, fixing: targets.map(\.diagnostic)) else { return false }
            live = trial
            current = after
            for change in changes {
                originals[change.path] = originals[change.path] ?? change.items[0].diagnostic.file.bytes
                texts[change.path] = changed[change.path]
            }
            for item in targets {
                let path = item.diagnostic.file.path
                made[path, default: []].append(AppliedFix(item.diagnostic, item.fix))
            }
            return true
        }
    }

    /// Whether `after` is strictly better than `before` for fixes of `targets`: each target gone,
    /// and no finding in `after` that `before` did not have (by code, severity, file and
    /// message, counted: a second copy of a finding is new).
    static func improves(from before: [Diagnostic], to after: [Diagnostic], fixing targets: [Diagnostic]) -> Bool {
        var counts: [FindingIdentity: Int] = [:]
        for diagnostic in before { counts[FindingIdentity(diagnostic), default: 0] += 1 }
        for diagnostic in after {
            let identity = FindingIdentity(diagnostic)
            guard let count = counts[identity], count > 0 else { return false }
            counts[identity] = count - 1
        }
        // What is left in `counts` is what went away; each target must be among it.
        for target in targets {
            let identity = FindingIdentity(target)
            guard let count = counts[identity], count > 0 else { return false }
            counts[identity] = count - 1
        }
        return !targets.isEmpty
    }

    /// A finding as a comparison of two checks tells it apart: not by place, which a fix before it
    /// on the line moves, and for the finding that counts a file's findings past the limit, not
    /// by its count.
    struct FindingIdentity: Hashable {
        let code: String
        let severity: Severity
        let file: String
        let message: String

        init(_ diagnostic: Diagnostic) {
            code = diagnostic.code.code
            severity = diagnostic.severity
            file = diagnostic.file.path
            message = diagnostic.code == CheckCode.tooManyFindings ? "" : diagnostic.message
        }
    }
}
