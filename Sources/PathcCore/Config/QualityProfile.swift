/// How strict the judgement rules are, chosen with `profile:` in pathc.yaml. A rule's severity in
/// `rules:` still wins over the profile.
public enum QualityProfile: String, Sendable, CaseIterable {
    /// The severities each rule documents.
    case standard = "default"
    /// For CI that must fail on vague or unmeasurable text: every finding of a judgement rule is an
    /// error (an info becomes a warning).
    case strict
    /// For a team new to pathc: findings about style (several behaviours in one, hedges, length,
    /// traits, aspirations) are information, nothing about wording is an error, and the borderline
    /// vague words are left out.
    case lenient
}
