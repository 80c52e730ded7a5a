/// Why two revisions could not be compared.
public enum DiffFailure: Error, Sendable {
    /// The configuration or a schema is invalid: its findings.
    case setup([Diagnostic])
    case git(GitError)
}

extension Checker {
    /// The framework at `from` against the framework at `to` (a revision, or nil for the working
    /// tree), both read with the repository's current configuration and schemas.
    public func diff(from: String, to: String?) -> Result<FrameworkDiff, DiffFailure> {
        let setup: Setup
        switch setUp() {
        case .failure(let failure): return .failure(.setup(failure.result.diagnostics))
        case .success(let value): setup = value
        }
        do {
            let old = try RevisionContent.at(from, root: root, contentFolder: setup.contentFolder, schemas: setup.schemas)
            let display = self.display
            let new = try to.map { revision throws(GitError) in
                try RevisionContent.at(revision, root: root, contentFolder: setup.contentFolder, schemas: setup.schemas)
            } ?? RevisionContent.workingTree(contentFolder: setup.contentFolder, root: root, schemas: setup.schemas, display: display)
            return .success(FrameworkDiff(from: old, to: new))
        } catch {
            return .failure(.git(error))
        }
    }
}
