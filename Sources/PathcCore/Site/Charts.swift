/// The site's pictures, drawn by pathc as inline SVG: styled by the page's stylesheet (so dark
/// mode and print apply), each with a title and a text equivalent for screen readers.
enum Charts {
    /// A bar from baseline (empty) to target (full), filled to the latest check-in.
    static func progressBar(_ progress: KeyResultProgress, into html: inout HTML) {
        let percent = progress.percent ?? 0
        html.raw("<svg class=\"bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"")
        html.text(progress.percent.map { "\(format($0))% of the way from baseline to target" } ?? "no check-in yet")
        html.raw("\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"6\" rx=\"3\"/>")
        if percent > 0 {
            html.markup("<rect class=\"fill \(progress.status.rawValue)\" x=\"0\" y=\"0\" width=\"\(format(percent))\" height=\"6\" rx=\"3\"/>")
        }
        html.raw("</svg>")
    }

    /// A key result's check-ins over its cycle: the line from the baseline through every
    /// check-in, the target, and the straight-line projection to the due date.
    static func checkinChart(_ progress: KeyResultProgress, id: String, into html: inout HTML) {
        let result = progress.keyResult
        guard let start = progress.start, let due = progress.due, let baseline = result.baseline, let target = result.target else { return }
        let points = result.checkins.compactMap { checkin -> (CalendarDate, Double)? in
            guard let date = checkin.date, let value = checkin.value?.value else { return nil }
            return (date, value)
        }.sorted { $0.0 < $1.0 }
        let unit = target.percent ? "%" : ""
        let firstDay = min(start.dayNumber, points.first?.0.dayNumber ?? start.dayNumber)
        let lastDay = max(due.dayNumber, points.last?.0.dayNumber ?? due.dayNumber, firstDay + 1)
        var values = [baseline.value, target.value] + points.map(\.1)
        if let projected = progress.projected { values.append(projected) }
        var low = values.min()!, high = values.max()!
        if high == low { high += 1; low -= 1 }
        let margin = (high - low) * 0.08
        low -= margin; high += margin
        let (left, right, top, bottom) = (64.0, 584.0, 26.0, 186.0)
        func yValue(_ value: Double) -> Double { bottom - (bottom - top) * (value - low) / (high - low) }

        let titleID = "chart-\(id)-title", descID = "chart-\(id)-desc"
        html.markup("<svg class=\"chart\" viewBox=\"0 0 600 220\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\">")
        html.markup("<title id=\"\(titleID)\">")
        html.text("Check-ins of key result \(result.id)")
        html.markup("</title><desc id=\"\(descID)\">")
        var description = "Baseline \(baseline.text) on \(start), target \(target.text) by \(due)."
        for (date, value) in points { description += " \(date): \(format(value))\(unit)." }
        if let projected = progress.projected { description += " Straight-line projection: \(format(projected))\(unit) by \(due)." }
        html.text(description)
        html.raw("</desc>")
        // Axes and their labels. Coordinates are written straight into the page: a chart has
        // dozens, and each made as a String first was most of the chart's cost.
        func xValue(_ day: Int) -> Double { left + (right - left) * Double(day - firstDay) / Double(lastDay - firstDay) }
        html.raw("<line class=\"axis\""); html.attribute("x1", left); html.attribute("y1", bottom)
        html.attribute("x2", right); html.attribute("y2", bottom); html.raw("/>")
        html.raw("<line class=\"axis\""); html.attribute("x1", left); html.attribute("y1", top)
        html.attribute("x2", left); html.attribute("y2", bottom); html.raw("/>")
        for value in [low + margin, high - margin] {
            html.raw("<text class=\"tick\""); html.attribute("x", left - 6); html.attribute("y", yValue(value))
            html.raw(" text-anchor=\"end\" dominant-baseline=\"middle\">"); html.decimal(value); html.markup(unit); html.raw("</text>")
        }
        html.raw("<text class=\"tick\""); html.attribute("x", left); html.raw(" y=\"206\" text-anchor=\"start\">")
        html.markup(start.description); html.raw("</text>")
        html.raw("<text class=\"tick\""); html.attribute("x", right); html.raw(" y=\"206\" text-anchor=\"end\">")
        html.markup(due.description); html.raw("</text>")
        // The target.
        html.raw("<line class=\"target\""); html.attribute("x1", left); html.attribute("y1", yValue(target.value))
        html.attribute("x2", right); html.attribute("y2", yValue(target.value)); html.raw("/>")
        html.raw("<text class=\"label\""); html.attribute("x", right - 4); html.attribute("y", yValue(target.value) - 5)
        html.raw(" text-anchor=\"end\">target "); html.markup(target.text); html.raw("</text>")
        // The line through the check-ins, from the baseline at the start of the cycle.
        html.raw("<polyline class=\"series "); html.markup(progress.status.rawValue); html.raw("\" points=\"")
        html.decimal(xValue(start.dayNumber)); html.raw(","); html.decimal(yValue(baseline.value))
        for (date, value) in points {
            html.raw(" "); html.decimal(xValue(date.dayNumber)); html.raw(","); html.decimal(yValue(value))
        }
        html.raw("\"/>")
        html.raw("<circle class=\"point baseline\""); html.attribute("cx", xValue(start.dayNumber)); html.attribute("cy", yValue(baseline.value))
        html.raw(" r=\"4\"/>")
        for (date, value) in points {
            html.raw("<circle class=\"point\""); html.attribute("cx", xValue(date.dayNumber)); html.attribute("cy", yValue(value)); html.raw(" r=\"4\"/>")
        }
        if let projected = progress.projected, let latest = points.last {
            html.raw("<line class=\"projection\""); html.attribute("x1", xValue(latest.0.dayNumber)); html.attribute("y1", yValue(latest.1))
            html.attribute("x2", xValue(due.dayNumber)); html.attribute("y2", yValue(projected)); html.raw("/>")
        }
        // Today, where it falls inside the chart: its label above the plot, kept inside the
        // picture at either end, where nothing else is written.
        let today = progress.today.dayNumber
        if today >= firstDay && today <= lastDay {
            let x = xValue(today)
            html.raw("<line class=\"today\""); html.attribute("x1", x); html.attribute("y1", top - 4)
            html.attribute("x2", x); html.attribute("y2", bottom); html.raw("/>")
            html.raw("<text class=\"tick\""); html.attribute("x", x); html.raw(" y=\"14\" text-anchor=\"")
            html.raw(x < left + 40 ? "start" : x > right - 40 ? "end" : "middle")
            html.raw("\">today</text>")
        }
        html.raw("</svg>")
    }

    /// A pathway's journey: the baseline, the stages in order from left to right as bars whose
    /// height is their difficulty on one labelled scale (1 to 5), the milestones after the
    /// stages they follow, and the retention check. Stage titles wrap onto as many as four lines
    /// under their bar; the full title is the bar's tooltip and is written out below the picture.
    static func journey(_ pathway: Entity, into html: inout HTML) {
        let stages = pathway.root[.stages]?.sequence ?? []
        let milestones = pathway.root[.milestones]?.sequence ?? []
        let retention = pathway.root[.retention]
        let (columnWidth, barWidth, left) = (170.0, 140.0, 48.0)
        let columns = stages.count + 1 + (retention == nil ? 0 : 1)
        let width = max(600, Int(left) + columns * Int(columnWidth) + 10)
        let (top, stepHeight) = (24.0, 30.0)
        let baseY = top + 5 * stepHeight
        let titles = stages.map { wrapped($0[.title]?.scalar?.text ?? $0[.id]?.scalar?.text ?? "", width: 22, lines: 4) }
        let titleLines = titles.map(\.count).max() ?? 1
        let height = Int(baseY) + 28 + (titleLines + 1) * 16 + 22
        // Its natural size in pixels: shrunk to fit a wide page, never on a phone, where it
        // scrolls inside its frame with its labels at their size.
        html.markup("<svg class=\"journey\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"journey-title journey-desc\">")
        html.raw("<title id=\"journey-title\">")
        html.text("The journey of \(pathway.text(.title) ?? pathway.id)")
        html.raw("</title><desc id=\"journey-desc\">")
        var description = "Starts with a baseline assessment."
        for (index, stage) in stages.enumerated() {
            description += " Stage \(index + 1), \(stage[.title]?.scalar?.text ?? ""), difficulty \(stage[.level]?.scalar?.text ?? "?") of 5"
            if let duration = stage[.duration]?.scalar?.text { description += ", \(duration)" }
            description += "."
        }
        if let after = retention?[.after]?.scalar?.text { description += " Retention check \(after) after the last stage." }
        html.text(description)
        html.raw("</desc>")
        // The difficulty scale: one gridline a level, labelled, so every bar reads against it.
        for level in 1...5 {
            let y = baseY - Double(level) * stepHeight
            html.markup("<line class=\"grid\" x1=\"\(format(left))\" y1=\"\(format(y))\" x2=\"\(width - 10)\" y2=\"\(format(y))\"/>")
            html.markup("<text class=\"tick\" x=\"\(format(left - 8))\" y=\"\(format(y))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(level)</text>")
        }
        html.markup("<text class=\"tick\" x=\"4\" y=\"\(format(top - 12))\">difficulty</text>")
        html.markup("<line class=\"axis\" x1=\"\(format(left))\" y1=\"\(format(baseY))\" x2=\"\(width - 10)\" y2=\"\(format(baseY))\"/>")
        func column(_ index: Int) -> Double { left + 10 + Double(index) * columnWidth }
        let labelY = baseY + 22
        html.markup("<circle class=\"node baseline\" cx=\"\(format(column(0) + barWidth / 2))\" cy=\"\(format(baseY - 20))\" r=\"14\"/>")
        html.markup("<text class=\"label\" x=\"\(format(column(0) + barWidth / 2))\" y=\"\(format(labelY))\" text-anchor=\"middle\">baseline</text>")
        for (index, stage) in stages.enumerated() {
            let level = max(1, min(5, stage[.level]?.integer ?? 1))
            let barHeight = Double(level) * stepHeight
            let x0 = column(index + 1)
            let centre = x0 + barWidth / 2
            html.markup("<rect class=\"stage level-\(level)\" x=\"\(format(x0))\" y=\"\(format(baseY - barHeight))\" width=\"\(format(barWidth))\" height=\"\(format(barHeight))\" rx=\"6\"><title>")
            html.text("Stage \(index + 1): \(stage[.title]?.scalar?.text ?? "") (difficulty \(level) of 5)")
            html.raw("</title></rect>")
            // The stage's number goes under the bar with its title, not inside it, where it would
            // read as a height on the difficulty scale.
            html.markup("<text class=\"stage-number\" x=\"\(format(centre))\" y=\"\(format(labelY))\" text-anchor=\"middle\">Stage \(index + 1)</text>")
            for (number, line) in titles[index].enumerated() {
                html.markup("<text class=\"label\" x=\"\(format(centre))\" y=\"\(format(labelY + Double(number + 1) * 16))\" text-anchor=\"middle\">")
                html.text(line)
                html.raw("</text>")
            }
            if let duration = stage[.duration]?.scalar?.text {
                html.markup("<text class=\"tick\" x=\"\(format(centre))\" y=\"\(format(labelY + Double(titles[index].count + 1) * 16 + 2))\" text-anchor=\"middle\">")
                html.text(duration)
                html.raw("</text>")
            }
            let stageID = stage[.id]?.scalar?.text
            let reached = milestones.filter { $0[.after]?.scalar?.text == stageID && stageID != nil }
            for (offset, milestone) in reached.enumerated() {
                let cx = x0 + barWidth - 12 - Double(offset) * 18
                let cy = baseY - barHeight - 14
                html.markup("<path class=\"milestone\" d=\"M \(format(cx)) \(format(cy - 8)) l 8 8 l -8 8 l -8 -8 z\"><title>")
                html.text("Milestone: " + (milestone[.outcome]?.scalar?.text ?? ""))
                html.raw("</title></path>")
            }
        }
        if let retention {
            let centre = column(stages.count + 1) + barWidth / 2
            html.markup("<circle class=\"node retention\" cx=\"\(format(centre))\" cy=\"\(format(baseY - 20))\" r=\"14\"/>")
            html.markup("<text class=\"label\" x=\"\(format(centre))\" y=\"\(format(labelY))\" text-anchor=\"middle\">retention</text>")
            if let after = retention[.after]?.scalar?.text {
                html.markup("<text class=\"tick\" x=\"\(format(centre))\" y=\"\(format(labelY + 16))\" text-anchor=\"middle\">after ")
                html.text(after)
                html.raw("</text>")
            }
        }
        html.raw("</svg>")
    }

    /// Words on up to `lines` lines of about `width` characters; the last line ends in "…" when text is left over.
    static func wrapped(_ text: String, width: Int, lines: Int) -> [String] {
        var result: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) }
            else if current.count + 1 + word.count <= width { current += " " + word }
            else {
                result.append(current)
                current = String(word)
                if result.count == lines { break }
            }
        }
        if result.count < lines, !current.isEmpty { result.append(current); current = "" }
        if !current.isEmpty, var last = result.popLast() {
            last = truncated(last + " " + current, width)
            result.append(last.hasSuffix("…") ? last : last + "…")
        }
        return result.map { truncated($0, width + 2) }
    }

    static func truncated(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    static func format(_ value: Double) -> String { NumberText.oneDecimal(value) }
}
