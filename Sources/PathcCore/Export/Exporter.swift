/// The exports of a clean check, each one document: spreadsheets (the roles-by-competencies
/// matrix, a tracker per role, the OKRs), a CASE 1.1 CFPackage, and Open Badges 3.0 achievements.
public struct Exporter: Sendable {
    public enum Table: String, CaseIterable, Sendable {
        case matrix, tracker, okrs
    }

    public enum Failure: Error, Equatable, Sendable {
        case unknownRole(String, suggestion: String?)
    }

    let model: Model
    let config: ProjectConfig
    public let identity: FrameworkIdentity
    let today: CalendarDate

    public init(result: CheckResult, root: String) {
        model = result.model
        config = result.config
        identity = FrameworkIdentity(config: result.config, root: root)
        today = result.config.evaluationDay
    }

    public func caseDocument() -> JSONValue { CASEExport(model: model, identity: identity).document() }

    public func badgesDocument() -> JSONValue { BadgesExport(model: model, identity: identity).document() }

    /// One table; `role` narrows the tracker to one role (without it, every role, one after another).
    public func table(_ table: Table, role: String? = nil) -> Result<CSVTable, Failure> {
        switch table {
        case .matrix: return .success(matrix())
        case .okrs: return .success(okrs())
        case .tracker:
            guard let role else { return .success(tracker(model.all(.role))) }
            guard let entity = model.entity(.role, role) else {
                return .failure(.unknownRole(role, suggestion: Suggestion.closest(to: role, in: model.all(.role).map(\.id))))
            }
            return .success(tracker([entity]))
        }
    }

    /// Roles by competencies: the level each role needs, empty where it needs none.
    func matrix() -> CSVTable {
        let roles = model.all(.role)
        var table = CSVTable(header: ["Competency", "Competency id"] + roles.map { $0.text(.title) ?? $0.id })
        let needs = roles.map { Dictionary($0.competencyNeeds.map { ($0.id, $0.level) }, uniquingKeysWith: { first, _ in first }) }
        for competency in model.all(.competency) {
            table.append([competency.text(.name) ?? competency.id, competency.id] + needs.map { $0[competency.id].map(String.init) ?? "" })
        }
        return table
    }

    /// Each behaviour a role expects, with room for evidence and the two ratings, stamped with
    /// the framework's version, as a progression tracker is kept in a spreadsheet.
    func tracker(_ roles: [Entity]) -> CSVTable {
        var table = CSVTable(header: ["Role", "Competency", "Level", "Level name", "Behaviour", "Evidence", "Self rating",
                                      "Manager rating", "Framework version"])
        for role in roles {
            let title = role.text(.title) ?? role.id
            for need in role.competencyNeeds {
                guard let competency = model.entity(.competency, need.id),
                      let level = competency.competencyLevel(need.level) else { continue }
                let levelName = level[.name]?.scalar?.text ?? ""
                for behaviour in level[.behaviors]?.sequence ?? [] {
                    table.append([title, competency.text(.name) ?? competency.id, String(need.level), levelName,
                                  Whitespace.oneLine(behaviour.scalar?.text ?? ""), "", "", "", identity.version])
                }
            }
        }
        return table
    }

    /// A row per key result: its OKR, what it measures, where it started and should end, the
    /// latest check-in, the progress and the status on the evaluation date.
    func okrs() -> CSVTable {
        var table = CSVTable(header: ["OKR", "Objective", "Level", "Owner", "Cycle", "Key result", "Result", "Metric", "Baseline",
                                      "Target", "Unit", "Direction", "Due", "Latest value", "Latest date", "Progress %", "Status"])
        let today = self.today
        let rows = parallelMap(model.all(.okr), chunk: 64) { okr -> [[String]] in
            let cadence = okr.root[.review]?[.cadence]?.string
            return okr.keyResults.map { result -> [String] in
                let progress = KeyResultProgress(result, cycle: okr.cycle, cadence: cadence, today: today)
                return [
                    okr.id, okr.text(.objective).map(Whitespace.oneLine) ?? "", okr.text(.level) ?? "", okr.text(.owner) ?? "",
                    okr.root[.cycle]?.scalar?.text ?? "", result.id, result.node[.result]?.string.map(Whitespace.oneLine) ?? "",
                    result.node[.metric]?.scalar?.text ?? "", result.baseline?.text ?? "", result.target?.text ?? "",
                    result.node[.unit]?.scalar?.text ?? "", result.effectiveDirection ?? "", progress.due?.description ?? "",
                    progress.latest?.value.text ?? "", progress.latest?.date.description ?? "",
                    progress.percent.map { NumberText.oneDecimal($0) } ?? "", progress.status.label,
                ]
            }
        }
        for okrRows in rows { for row in okrRows { table.append(row) } }
        return table
    }
}
