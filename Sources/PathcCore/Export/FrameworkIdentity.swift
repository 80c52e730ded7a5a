import Foundation

/// What every export says about the framework as a whole: its title, version and date, and the
/// namespace its identifiers are made in, so that two exports of one revision are the same bytes
/// and an entity keeps its identifier from version to version.
public struct FrameworkIdentity: Sendable {
    /// `name` in pathc.yaml.
    public let title: String
    /// `version` in pathc.yaml, else the git revision (`git describe --always --dirty`), else
    /// "unversioned".
    public let version: String
    /// When the framework last changed, as RFC 3339 UTC: the commit's time, else the evaluation
    /// date's midnight.
    public let changed: String
    /// `uuid_namespace` in pathc.yaml, else one made from the site's address or the title.
    public let namespace: NameBasedUUID
    public let baseURL: String?

    public init(config: ProjectConfig, root: String) {
        title = config.name ?? "Pathways"
        baseURL = config.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        // Not even asked where there is no folder (the fuzz target's repositories live in memory).
        let git: Git? = Paths.isDirectory(root) ? Git(folder: root) : nil
        let described = (try? git?.run(["describe", "--always", "--dirty", "--abbrev=12"])).flatMap { $0 }
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        version = config.version ?? described.flatMap { $0.isEmpty ? nil : $0 } ?? "unversioned"
        let seconds = (try? git?.run(["log", "-1", "--format=%ct", "HEAD"])).flatMap { $0 }
            .flatMap { Int(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) }
        if let seconds {
            changed = Self.timestamp(seconds)
        } else {
            let day = config.evaluationDay
            changed = "\(day)T00:00:00Z"
        }
        namespace = config.uuidNamespace.flatMap(NameBasedUUID.init(parsing:))
            ?? NameBasedUUID(namespace: .urlNamespace, name: baseURL ?? "urn:pathc:" + title)
    }

    /// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
    static func timestamp(_ seconds: Int) -> String {
        let day = CalendarDate(secondsSince1970: seconds)
        let rest = seconds - day.dayNumber * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// An entity's identifier: the `uuid` it pins, else one made from its kind and id.
    public func identifier(_ entity: Entity) -> NameBasedUUID {
        if let pinned = entity.text(.uuid).flatMap(NameBasedUUID.init(parsing:)) { return pinned }
        return NameBasedUUID(namespace: namespace, name: "\(entity.kind.rawValue)/\(entity.id)")
    }

    /// A part of an entity ("level/3", "level/3/behavior/0"): made from the entity's identifier,
    /// so that pinning the entity's `uuid` keeps its parts' identifiers through a rename.
    public func identifier(_ entity: Entity, part: String) -> NameBasedUUID {
        NameBasedUUID(namespace: identifier(entity), name: part)
    }

    /// The framework itself.
    public var documentIdentifier: NameBasedUUID { NameBasedUUID(namespace: namespace, name: "framework") }

    /// Where an identifier can be looked up: under the site's address when it has one
    /// (`<base_url>exports/case.json#<uuid>`), else a URN.
    public func uri(_ identifier: NameBasedUUID) -> String {
        baseURL.map { $0 + "exports/case.json#" + identifier.description } ?? "urn:uuid:" + identifier.description
    }
}
