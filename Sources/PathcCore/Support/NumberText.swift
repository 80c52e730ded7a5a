/// Numbers as pathc writes them in pages, charts and exports.
enum NumberText {
    /// A number with at most one decimal, no trailing zero: stable text for SVG and labels.
    static func oneDecimal(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        // Beyond what Int holds: no rounding needed, and none attempted (it would trap).
        if abs(value) >= 1e14 { return String(value) }
        let tenths = (value * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(tenths / 10)) }
        let sign = tenths < 0 ? "-" : ""
        let magnitude = Int(abs(tenths))
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
