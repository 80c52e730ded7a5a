import Foundation
// Temporary: ECMA-262 patterns through NSRegularExpression, until the own engine (SchemaRegex.swift) lands.
public struct SchemaRegexError: Error, Sendable, Equatable { public let message: String; public let offset: Int }
public struct SchemaRegex: @unchecked Sendable {
    public let pattern: String
    let regex: NSRegularExpression
    public init(_ pattern: String) throws(SchemaRegexError) {
        self.pattern = pattern
        do { regex = try NSRegularExpression(pattern: pattern) } catch { throw SchemaRegexError(message: "invalid", offset: 0) }
    }
    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
