/// A framework diff as text for a terminal, JSON for programs, and markdown for a pull-request
/// comment or release notes.
public enum DiffReport {
    /// One entity's changes, in the order the diff gives them.
    struct Group {
        let kind: EntityKind
        let id: String
        let title: String
        var changes: [FrameworkChange]
    }

    static func groups(_ diff: FrameworkDiff) -> [Group] {
        var groups: [Group] = []
        for change in diff.changes {
            if let last = groups.last, last.kind == change.kind, last.id == change.id {
                groups[groups.count - 1].changes.append(change)
            } else {
                groups.append(Group(kind: change.kind, id: change.id, title: change.title, changes: [change]))
            }
        }
        return groups
    }

    /// "2 entities added, 1 entity renamed, 3 entities changed (7 changes)", or "no changes".
    public static func summary(_ diff: FrameworkDiff) -> String {
        let groups = groups(diff)
        let added = groups.count { $0.changes.first?.change == .added && $0.changes.first?.place.isEmpty == true }
        let removed = groups.count { $0.changes.first?.change == .removed && $0.changes.first?.place.isEmpty == true }
        let renamed = groups.count { $0.changes.contains { $0.change == .renamed } }
        let changed = groups.filter { $0.changes.contains { !$0.place.isEmpty } }
        if groups.isEmpty { return "no changes" }
        var parts: [String] = []
        if added > 0 { parts.append("\(count(added, "entity")) added") }
        if removed > 0 { parts.append("\(count(removed, "entity")) removed") }
        if renamed > 0 { parts.append("\(count(renamed, "entity")) renamed") }
        let details = changed.reduce(0) { $0 + $1.changes.count { !$0.place.isEmpty } }
        if !changed.isEmpty { parts.append("\(count(changed.count, "entity")) changed (\(count(details, "change")))") }
        return parts.joined(separator: ", ")
    }

    /// One change in words, without its texts: "level 3 · Advanced, behaviour reworded",
    /// "competency consultative-selling, level moved from 3 to 4".
    public static func sentence(_ change: FrameworkChange) -> String {
        let place = change.place.joined(separator: ", ")
        switch change.change {
        case .renamed: return "renamed from \(change.before ?? "?")"
        case .added where change.place.isEmpty: return "added"
        case .removed where change.place.isEmpty: return "removed"
        case .moved, .changed:
            if change.before?.contains(" ") == false && change.after?.contains(" ") == false && (change.before?.count ?? 0) <= 40 && (change.after?.count ?? 0) <= 40 {
                return "\(place) \(change.change == .moved ? "moved" : "changed") from \(change.before ?? "?") to \(change.after ?? "?")"
            }
            return "\(place) \(change.change.rawValue)"
        default: return "\(place) \(change.change.rawValue)"
        }
    }

    /// Whether a change's texts are worth showing under its sentence.
    static func showsTexts(_ change: FrameworkChange) -> Bool {
        switch change.change {
        case .renamed: return false
        case .added, .removed: return !change.place.isEmpty
        case .moved, .changed: return sentence(change).hasSuffix(change.change.rawValue)
        case .reworded: return true
        }
    }

    public static func text(_ diff: FrameworkDiff) -> String {
        var out = "Changes from \(diff.from) to \(diff.to): \(summary(diff))\n"
        for group in groups(diff) {
            out += "\n\(group.kind.rawValue) \(group.id) · \(TerminalSafe.line(group.title))\n"
            for change in group.changes {
                out += "  \(TerminalSafe.line(sentence(change)))\n"
                guard showsTexts(change) else { continue }
                if let before = change.before { out += "    - \(TerminalSafe.line(before))\n" }
                if let after = change.after { out += "    + \(TerminalSafe.line(after))\n" }
            }
        }
        if !diff.unreadable.isEmpty {
            out += "\n\(count(diff.unreadable.count, "file")) left out: they do not parse or have no kind and id (run pathc check)\n"
        }
        return out
    }

    public static func markdown(_ diff: FrameworkDiff) -> String {
        var out = "## What changed from \(MarkdownReport.escape(diff.from)) to \(MarkdownReport.escape(diff.to))\n\n"
        out += MarkdownReport.escape(summary(diff)).capitalizedFirst + ".\n"
        var kind: EntityKind?
        for group in groups(diff) {
            if group.kind != kind {
                kind = group.kind
                out += "\n### \(group.kind == .okr ? "OKRs" : group.kind.plural.capitalizedFirst)\n\n"
            }
            let only = group.changes.count == 1 && group.changes[0].place.isEmpty && group.changes[0].change != .renamed
            out += "- **\(MarkdownReport.escape(group.title))** (`\(group.id.filter { $0 != "`" })`)"
            if only {
                out += ": \(group.changes[0].change.rawValue)\n"
                continue
            }
            out += "\n"
            for change in group.changes {
                out += "  - \(MarkdownReport.escape(sentence(change)))"
                if showsTexts(change) {
                    switch (change.before, change.after) {
                    case (let before?, let after?): out += ": ~~\(MarkdownReport.escape(before))~~ → \(MarkdownReport.escape(after))"
                    case (let before?, nil): out += ": ~~\(MarkdownReport.escape(before))~~"
                    case (nil, let after?): out += ": \(MarkdownReport.escape(after))"
                    case (nil, nil): break
                    }
                }
                out += "\n"
            }
        }
        if !diff.unreadable.isEmpty {
            out += "\n\(count(diff.unreadable.count, "file")) left out: they do not parse or have no kind and id.\n"
        }
        return out
    }

    /// `schema`: where the document's schema is, as its `$schema` says.
    public static func json(_ diff: FrameworkDiff, schema: String = "https://pathc.dev/schemas/output/diff.schema.json") -> JSONValue {
        let groups = groups(diff)
        return .object([
            JSONMember("$schema", .string(schema)),
            JSONMember("from", .string(diff.from)),
            JSONMember("to", .string(diff.to)),
            JSONMember("summary", .string(summary(diff))),
            JSONMember("entities", .array(groups.map { group in
                .object([
                    JSONMember("kind", .string(group.kind.rawValue)),
                    JSONMember("id", .string(group.id)),
                    JSONMember("title", .string(group.title)),
                    JSONMember("changes", .array(group.changes.map { change in
                        .object([
                            JSONMember("change", .string(change.change.rawValue)),
                            JSONMember("place", .array(change.place.map { .string($0) })),
                            JSONMember("path", .string(change.pointer)),
                            JSONMember("description", .string(sentence(change))),
                            JSONMember("before", change.before.map { .string($0) } ?? .null),
                            JSONMember("after", change.after.map { .string($0) } ?? .null),
                        ])
                    })),
                ])
            })),
            JSONMember("leftOut", .array(diff.unreadable.map { .string($0) })),
        ])
    }

    static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun == "entity" ? "entities" : noun + "s")"
    }
}
