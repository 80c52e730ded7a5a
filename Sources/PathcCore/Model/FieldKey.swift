/// The name of a field of a content file, as the built-in schemas declare it (in any kind, at any
/// depth). Code that reads a field names it through this type, so that a misspelt or undeclared
/// field is a compile error; a test checks the cases against the schemas, both ways.
public enum FieldKey: String, CaseIterable, Sendable {
    case after
    case alignedTo = "aligned_to"
    case assessments
    case baseline
    case behaviors
    case cadence
    case calibrated
    case category
    case checkins
    case coaching
    case competencies
    case competency
    case criteria
    case cycle
    case date
    case debrief
    case description
    case descriptors
    case develops
    case direction
    case drives
    case due
    case duration
    case evidence
    case family
    case focus
    case format
    case from
    case id
    case indicator
    case keyResults = "key_results"
    case kind
    case level
    case levels
    case method
    case metric
    case milestones
    case name
    case next
    case note
    case objective
    case outcome
    case owner
    case pass
    case pathway
    case practice
    case result
    case retention
    case review
    case reviewers
    case roles
    case rubric
    case scale
    case source
    case sponsor
    case stages
    case status
    case successCriteria = "success_criteria"
    case summary
    case supports
    case target
    case task
    case title
    case to
    case type
    case unit
    case uuid
    case value
    case with
}

extension Node {
    /// The value of a mapping entry by field name, if this is a mapping that has it.
    public subscript(field: FieldKey) -> Node? { self[field.rawValue] }
}

extension Entity {
    /// The items of a list field of the entity (none when the field is missing or not a list).
    func items(_ field: FieldKey) -> [Node] { root[field]?.sequence ?? [] }
}
