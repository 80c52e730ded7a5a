import Foundation

/// The failing rule codes on each axis; nil for an axis the schema does not ask about.
public struct AxisVerdicts: Sendable {
    var codes: [[String]?] = [nil, nil, nil]

    public subscript(axis: QualityAxis) -> [String]? {
        get { codes[Int(axis.bit)] }
        set { codes[Int(axis.bit)] = newValue }
    }
}

/// A statement's verdict on the three quality axes, with the rules that failed each.
public struct QualityVerdict: Sendable {
    public let entity: Entity
    public let statement: Statement
    public let axes: AxisVerdicts
    public let bloom: BloomLevel?

    public var passes: Bool { axes.codes.allSatisfy { $0?.isEmpty ?? true } }

    public var json: JSONValue {
        var members: [JSONMember] = [
            JSONMember("file", .string(entity.file.path)),
            JSONMember("line", .int(entity.file.position(of: statement.node.span.start).line)),
            JSONMember("kind", .string(entity.kind.rawValue)),
            JSONMember("id", .string(entity.id)),
            JSONMember("path", .string(statement.pointer)),
            JSONMember("field", .string(statement.field.rawValue)),
            JSONMember("text", .string(statement.text)),
            JSONMember("bloom", bloom.map { .string($0.rawValue) } ?? .null),
        ]
        for axis in QualityAxis.allCases {
            guard let codes = axes[axis] else {
                members.append(JSONMember(axis.rawValue, .null))
                continue
            }
            members.append(JSONMember(axis.rawValue, .object([JSONMember("pass", .bool(codes.isEmpty)),
                                                              JSONMember("rules", .array(codes.map(JSONValue.string)))])))
        }
        members.append(JSONMember("pass", .bool(passes)))
        return .object(members)
    }

    /// The members of `json` after `id` (the statement's own), written straight to bytes: the
    /// site's API has a verdict for every statement, and does not repeat its entity's file and id.
    func writeStatementMembers(into json: inout JSONStream) {
        json.key("path"); json.string(statement.pointer)
        json.key("field"); json.string(statement.field.rawValue)
        json.key("text"); json.string(statement.text)
        json.key("bloom"); if let bloom { json.string(bloom.rawValue) } else { json.null() }
        for axis in QualityAxis.allCases {
            json.key(axis.rawValue)
            guard let codes = axes[axis] else {
                json.null()
                continue
            }
            json.beginObject()
            json.key("pass"); json.bool(codes.isEmpty)
            json.key("rules"); json.strings(codes)
            json.endObject()
        }
        json.key("pass"); json.bool(passes)
    }
}
