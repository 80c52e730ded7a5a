extension CalendarDate {
    /// What a date written in another form than YYYY-MM-DD says.
    public enum Reading: Sendable, Equatable {
        /// One day, whichever way the text is read: `2026/12/01`, `1 December 2026`,
        /// `December 1, 2026`, `2026-1-5`, or `25/12/2026` (no month 25).
        case day(CalendarDate)
        /// Two days, as the day or the month comes first: `01/02/2026` is 1 February in most of
        /// the world and 2 January in the United States.
        case ambiguous(dayFirst: CalendarDate, monthFirst: CalendarDate)
    }

    /// The day a date written in a common form other than YYYY-MM-DD stands for: the year first
    /// with any of `-`, `/`, `.` between its parts, or a named month (English, in full or in three
    /// letters) with a day and a four-digit year in any usual order, or the year last with
    /// numbers only, which is ambiguous when both numbers could be the month. Nil for anything
    /// else, a two-digit year, a time of day, or a day the calendar does not have.
    public static func reading(_ text: String) -> Reading? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count <= 40 else { return nil }
        var parts: [String] = []
        var separators: Set<Character> = []
        var current = ""
        for character in trimmed {
            if character.isASCII && (character.isLetter || character.isNumber) {
                current.append(character)
                continue
            }
            guard [" ", ",", "-", "/", "."].contains(character) else { return nil }
            if !current.isEmpty { parts.append(current) }
            current = ""
            if character != " " && character != "," { separators.insert(character) }
        }
        if !current.isEmpty { parts.append(current) }
        guard parts.count == 3, separators.count <= 1 else { return nil }

        func digits(_ part: String, _ counts: ClosedRange<Int>) -> Int? {
            counts.contains(part.count) && part.allSatisfy({ ("0"..."9").contains($0) }) ? Int(part) : nil
        }
        func year(_ part: String) -> Int? { digits(part, 4...4) }
        /// A day of a month, maybe as an ordinal: `1`, `01`, `1st`.
        func day(_ part: String) -> Int? {
            let lowered = part.lowercased()
            let suffix = ["st", "nd", "rd", "th"].first { lowered.hasSuffix($0) }
            return digits(suffix == nil ? part : String(part.dropLast(2)), 1...2)
        }
        func date(_ year: Int, _ month: Int, _ day: Int) -> Reading? {
            CalendarDate(year: year, month: month, day: day).map(Reading.day)
        }

        // A named month: day month year, month day year, or year month day.
        if let monthIndex = parts.firstIndex(where: { monthNumber($0) != nil }), let month = monthNumber(parts[monthIndex]) {
            switch monthIndex {
            case 0:
                guard let y = year(parts[2]), let d = day(parts[1]) else { return nil }
                return date(y, month, d)
            case 1:
                if let y = year(parts[2]), let d = day(parts[0]) { return date(y, month, d) }
                if let y = year(parts[0]), let d = day(parts[2]) { return date(y, month, d) }
                return nil
            default:
                return nil
            }
        }
        // Numbers only, with one separator between them, the same twice, and no spaces or commas.
        guard separators.count == 1, !trimmed.contains(" "), !trimmed.contains(",") else { return nil }
        if let y = year(parts[0]), let m = digits(parts[1], 1...2), let d = digits(parts[2], 1...2) {
            return date(y, m, d)
        }
        guard let y = year(parts[2]), let a = digits(parts[0], 1...2), let b = digits(parts[1], 1...2) else { return nil }
        let dayFirst = CalendarDate(year: y, month: b, day: a), monthFirst = CalendarDate(year: y, month: a, day: b)
        switch (dayFirst, monthFirst) {
        case let (one?, other?) where one != other: return .ambiguous(dayFirst: one, monthFirst: other)
        case let (one?, _): return .day(one)
        case let (nil, other?): return .day(other)
        case (nil, nil): return nil
        }
    }

    /// The month a name stands for: `December`, `december`, `Dec`, `Sept`.
    static func monthNumber(_ name: String) -> Int? {
        let lowered = name.lowercased()
        guard lowered.count >= 3 else { return nil }
        if lowered == "sept" { return 9 }
        for (index, month) in monthNames.enumerated() where month == lowered || (lowered.count == 3 && month.hasPrefix(lowered)) {
            return index + 1
        }
        return nil
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                             "november", "december"]

    /// The day as a sentence says it, for help text: `1 February 2026`.
    public var spelledOut: String {
        "\(day) \(Self.monthNames[month - 1].prefix(1).uppercased())\(Self.monthNames[month - 1].dropFirst()) \(year)"
    }
}
