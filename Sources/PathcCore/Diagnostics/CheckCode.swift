/// Diagnostic codes of the check itself: files it cannot read, or that are not content.
public enum CheckCode {
    public static let unreadableFile = DiagnosticCode("PW0020", "unreadable-file")
    public static let linkNotFollowed = DiagnosticCode("PW0021", "link-not-followed")
    public static let tooManyFindings = DiagnosticCode("PW0022", "too-many-findings")
    public static let tooManyFindingsInRun = DiagnosticCode("PW0023", "too-many-findings-in-run")
    /// How many findings one file may show; the rest are counted in one last finding.
    public static let findingsPerFile = 100
    /// How many findings a run shows in any format, so that a report stays something a person or
    /// a CI service can take in (a few megabytes at most); the rest are counted in one last finding.
    public static let findingsPerRun = 2_000
}
