/// A rule over one statement.
package protocol TextRule: Sendable {
    var description: RuleDescription { get }
    /// The fields it reads.
    var fields: Set<StatementField> { get }
    func check(_ statement: Statement, _ context: RuleContext) -> [Finding]
}

/// Every field with text that states a behaviour.
let allStatementFields: Set<StatementField> = Set(StatementField.allCases)
