/// What each code that is not a quality rule means, for `pathc explain` and docs/codes.md: the
/// codes of the parser, the schemas, the configuration, the model and the check itself.
struct CodeDescription: Sendable {
    let code: String          // "PW0102"
    let name: String          // "duplicate-key" (must equal the DiagnosticCode's name)
    let summary: String       // one line, lowercase start, no final period: what it finds
    let explanation: String   // one paragraph: why pathc reports it and what to do about it
    /// A small input that produces the code: a content file (or pathc.yaml, or a schema, as
    /// `exampleFile` says), nil when the code comes from the file system or the command line.
    let example: String?
    /// The name of the file the example is: "pathways/okrs/example.okr.yaml", "pathc.yaml" or "schemas/okr.schema.yaml".
    let exampleFile: String?
    /// The example corrected, when there is a correction to show.
    let fixed: String?
}

enum CodeDescriptions {
    static let all: [CodeDescription] = [
        CodeDescription(
            code: "PW0001", name: "invalid-utf8",
            summary: "a file that is not saved as UTF-8 text",
            explanation: "pathc reads every file as UTF-8, and this file holds bytes that are not UTF-8, usually because an editor or an export saved it in another encoding such as Windows-1252 or Latin-1 (an accented name such as Renée is a common place for it). pathc checks nothing else in the file until this is fixed. Open the file, save it again with the encoding UTF-8, and check the characters at the places pathc points to.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW0002", name: "lone-carriage-return",
            summary: "a carriage return that is not followed by a line feed",
            explanation: "The file holds a line break in the old Mac style (a carriage return on its own), usually in text pasted from another program; tools disagree about where such a line ends, so pathc refuses it. Delete the line break and type it again, or set your editor to save the file with LF (or CRLF) line endings.",
            example: """
                kind: role
                id: support-engineer
                title: Senior support\rengineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Senior support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0003", name: "non-printable-character",
            summary: "an invisible control character, or a byte order mark after the start of the file",
            explanation: "The file holds a character that cannot be seen or printed, such as a manual line break copied from Word, an escape code from a terminal or a stray byte order mark; it would hide in reports and on the site. Delete the character at the place pathc points to (retyping the text there removes it). A byte order mark, the invisible marker some editors write, is allowed only as the very first character of the file.",
            example: """
                kind: role
                id: support-engineer
                title: Senior support\u{B}engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Senior support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0010", name: "file-too-large",
            summary: "a file larger than 16 MiB, which pathc does not read",
            explanation: "pathc reads content files of at most 16 MiB, so that a huge or runaway file cannot exhaust the memory of the machine that runs the check; a pathway, an OKR or a role takes a few kilobytes. A file this large was most likely generated or pasted by mistake: split it into one file per entity, or move it out of the content folder.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW0011", name: "nesting-too-deep",
            summary: "lists and mappings nested more than 100 levels deep",
            explanation: "pathc reads at most 100 levels of lists and mappings inside one another: deeper input is generated or broken, and reading it could crash the check, so pathc stops reading the file there. Flatten the structure; content files need only a few levels.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW0012", name: "scalar-too-large",
            summary: "a single value longer than 1 MiB",
            explanation: "One value in the file, usually a piece of text, is longer than 1 MiB, far more than any description or statement needs, so pathc reports it and checks the file no further. Shorten the value, or keep long material in a document of its own and link to it.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW0013", name: "too-many-errors",
            summary: "a file with so many syntax errors that pathc stopped reading it",
            explanation: "After 100 syntax errors in one file pathc stops reading it and reports this, since the file is badly broken or not YAML at all (the wrong file in the content folder, or indentation lost in a copy and paste). Fix the first errors shown, which often cause the ones after them, and run pathc again.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW0020", name: "unreadable-file",
            summary: "a file pathc could not read",
            explanation: "pathc could not open or read the file: it may be a symbolic link that leads nowhere, a file you are not allowed to read, or not a file at all but a pipe or a device. Check that the file exists and that you may read it, or remove it from the content folder. The same code is reported for a pathc.yaml, schema or house rule file that cannot be read.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW0021", name: "link-not-followed",
            summary: "a symbolic link in the content folder that pathc does not follow",
            explanation: "The content folder holds a symbolic link (a shortcut) that pathc skips: a link to a folder, which pathc never follows, or a link to a file outside the repository, which it does not read, so that a change cannot make it read files elsewhere on the machine. Move the real files into the content folder and remove the link.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW0022", name: "too-many-findings",
            summary: "a file with more than 100 findings; the rest are counted, not shown",
            explanation: "pathc shows at most 100 findings for one file, then this one, which counts the rest, so that a badly broken file does not bury everything else in the report. Fix the findings shown, which often cause many of the others, and run pathc again to see what remains.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW0023", name: "too-many-findings-in-run",
            summary: "a run with more than 2,000 findings; the rest are counted, not shown",
            explanation: "One report shows at most 2,000 findings, the most serious first, then this one, which counts the rest by severity, so that the report stays readable for people and CI services. Fix the findings shown, check one folder at a time with 'pathc check FOLDER', or run 'pathc check --statistics' to count every finding by rule.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW0030", name: "invalid-suppression",
            summary: "a pathc comment that is not a valid suppression",
            explanation: "A comment that starts with 'pathc:' must read '# pathc: ignore[RULE] reason', naming the rule (by name or code) and saying why the finding is fine; this one lacks the rule or the reason, names a rule that does not exist, or has another form, so it silences nothing. Correct the comment, or remove it.",
            example: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 5 # pathc: ignore[level-out-of-range]
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 5 # pathc: ignore[level-out-of-range] level 5 is in next year's draft
                """),
        CodeDescription(
            code: "PW0031", name: "unused-suppression",
            summary: "a suppression comment that silences nothing",
            explanation: "The comment asks pathc to ignore a rule on a line where that rule finds nothing: the text was fixed, the rule changed, or the comment is on the wrong line. A suppression at the end of a line applies to that line, and one on a line of its own applies to the next line. Remove the comment, or move it to the finding it is meant for.",
            example: """
                kind: role
                id: support-engineer
                title: Support engineer # pathc: ignore[vague-term] the title HR uses
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0101", name: "tab-indentation",
            summary: "a tab used to indent a line",
            explanation: "YAML allows only spaces for indentation, because editors show a tab at different widths, so the structure of the file would depend on who looks at it. Replace the tab with spaces, lining the entry up with its neighbours; most editors can insert spaces when you press Tab.",
            example: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                \tlevel: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0102", name: "duplicate-key",
            summary: "the same key twice in one mapping",
            explanation: "A key appears twice at the same level, so one of its two values would be lost: most YAML tools silently keep the last one. Keep one of the two keys with the value you mean; if the second belongs to another entry, fix its indentation. Keys that YAML reads as the same value count as the same key, such as 1 and '1'.",
            example: """
                kind: role
                id: support-engineer
                title: Support engineer
                family: customer success
                title: Senior support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Senior support engineer
                family: customer success
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0103", name: "bad-indentation",
            summary: "a line indented more or less than the list or mapping it belongs to",
            explanation: "Indentation gives a YAML file its structure, and this line is indented more than the entries it sits among, or a line inside a quoted value or a bracketed list is not indented enough to continue it. Line the entry up with the other keys of its mapping (or the other '- ' entries of its list), using spaces. A missing closing quote can show up this way too, at the line after the quoted value.",
            example: """
                kind: role
                id: support-engineer
                  title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0104", name: "unexpected-content",
            summary: "text where pathc expects the end of the line, a new entry or the end of the file",
            explanation: "Something follows a value where nothing may: most often a value that starts with a quote but goes on after the closing quote, a list entry ('- ') where a key was expected, or a line that continues nothing above it. Quote the whole value or none of it, and check that every line lines up with the list or mapping it belongs to.",
            example: """
                kind: role
                id: support-engineer
                title: "Senior" support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Senior support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0105", name: "unterminated-string",
            summary: "a quoted value whose closing quote is missing",
            explanation: "A value starts with a quote (' or \") but the matching quote never comes, so the rest of the file would be part of it. Add the closing quote at the end of the value; a quoted value may run over several lines, but must be closed. When more lines follow, pathc may instead report the next line as badly indented (PW0103).",
            example: """
                kind: role
                id: support-engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                title: "Senior support engineer
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                title: "Senior support engineer"
                """),
        CodeDescription(
            code: "PW0106", name: "unterminated-flow-collection",
            summary: "a list in [ ] or a mapping in { } that is never closed",
            explanation: "A list written in square brackets, or a mapping in curly braces, is missing its closing ']' or '}', so pathc would read the lines after it as part of it. Add the closing bracket where the list or mapping ends.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW0107", name: "invalid-escape",
            summary: "a backslash sequence that double quotes do not allow",
            explanation: "Inside double quotes a backslash starts an escape such as \\n (a line break) or \\t (a tab), and this one is not a valid escape, as often happens with a Windows path. Put the value in single quotes, where a backslash is an ordinary character, or write each backslash twice (\\\\). Single quotes are the safe choice for paths: in double quotes a valid escape such as \\n in C:\\new would silently become a line break.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                    source: "S:\\support\\escalations.xlsx, weekly"
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                    source: 'S:\\support\\escalations.xlsx, weekly'
                """),
        CodeDescription(
            code: "PW0108", name: "missing-colon",
            summary: "a line in a mapping that is not a 'key: value' entry",
            explanation: "Every line of a mapping must be a key, a colon and a space, then the value. This line has no ': ', most often because the space after the colon is missing (title:Support engineer) or the colon itself, or because the line was meant to continue the value above it. Write ': ' after the key, or, if the line continues the value above, indent it more than that value's key.",
            example: """
                kind: role
                id: support-engineer
                title:Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0109", name: "invalid-block-scalar-header",
            summary: "text on the same line as the '|' or '>' that starts a block of text",
            explanation: "A block of text starts with '|' (keep the line breaks) or '>' (fold the lines into one), and the text itself must start on the next line, indented; only '-', '+', an indentation digit or a comment may follow the sign. Move the text to the next line, indented under the key, or remove the sign and write the text after the key.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: > Support engineers resolve priority tickets
                  within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: >
                  Support engineers resolve priority tickets
                  within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW0110", name: "multiline-key",
            summary: "a quoted key that runs over more than one line",
            explanation: "A key must be written on one line, but this quoted key has a line break inside it, usually from a quote in the wrong place or a line wrapped by an editor. Write the key and its colon on one line; a key never needs quotes unless it holds special characters.",
            example: """
                kind: role
                id: support-engineer
                "title
                  ": Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0111", name: "comment-without-space",
            summary: "a '#' comment with no space before it",
            explanation: "A comment starts with '#' after a space; here a '#' comes straight after a closing quote or bracket, or starts a value inside brackets, so pathc cannot tell whether it starts a comment or belongs to the value. Put a space before the '#' if it starts a comment, or quote the whole value if the '#' is part of the text. In a value without quotes, a '#' with no space before it is simply part of the text.",
            example: """
                kind: role
                id: support-engineer
                title: "Support engineer"# as in the HR system
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: "Support engineer" # as in the HR system
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0112", name: "reserved-indicator",
            summary: "a value that starts with '@' or '`', which YAML reserves",
            explanation: "YAML reserves '@' and '`' at the start of a value for future use, so a value such as a chat handle (@maria.lopez) cannot be written without quotes. Put the whole value in quotes, as in '@maria.lopez', or leave the sign out.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: @maria.lopez
                aligned_to: [customer-retention-2026]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: '@maria.lopez'
                aligned_to: [customer-retention-2026]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW0113", name: "inline-block-collection",
            summary: "a nested mapping or list started on the same line as its key",
            explanation: "After 'key:' pathc found text followed by ': ', or a '- ', which would start a nested mapping or list on the key's own line; those must begin on the next line, indented. Most often the value is text that contains ': ' (as in Support engineer: tier 2): put the whole value in quotes. If you meant a nested entry, move it to the next line and indent it.",
            example: """
                kind: role
                id: support-engineer
                title: Support engineer: tier 2
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: 'Support engineer: tier 2'
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0114", name: "block-scalar-indentation",
            summary: "an empty line at the start of a block of text with more spaces than the text",
            explanation: "A block of text after '|' or '>' takes its indentation from its first line of text, and an empty line before that line holds more spaces than the text is indented by, which YAML does not allow. Delete the spaces on the empty line, or the empty line itself.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: >
                \u{20}\u{20}\u{20}\u{20}\u{20}\u{20}
                  Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: >
                  Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW0115", name: "document-marker-inside-value",
            summary: "a line '---' or '...' inside a quoted value or a list or mapping in brackets",
            explanation: "A line that starts with '---' or '...' marks the start or the end of a YAML document, so it cannot sit inside a quoted value, or inside a list or mapping in brackets that is still open. Remove the line, indent it so that it is part of the text, or close the quote or bracket before it.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: "Support engineers resolve priority tickets
                ---
                  within one working day"
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: "Support engineers resolve priority tickets
                  within one working day"
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW0201", name: "anchor",
            summary: "a YAML anchor ('&name') that marks a value for reuse",
            explanation: "pathc does not support anchors and aliases, YAML's way to reuse a value elsewhere in the file: they make a file hard to review, since what one line says depends on another, and they can make a small file expand enormously. Remove the '&name' and write the value out in full wherever it is needed.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: &lead head-of-support
                aligned_to: [customer-retention-2026]
                review:
                  cadence: biweekly
                  reviewers: [*lead]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                review:
                  cadence: biweekly
                  reviewers: [head-of-support]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW0202", name: "alias",
            summary: "a YAML alias ('*name') that repeats a value marked elsewhere",
            explanation: "pathc does not support aliases, which repeat a value marked elsewhere with an anchor ('&name'): they make a file hard to review and can make a small file expand enormously. Write the value out in full in place of the '*name'.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                review:
                  cadence: biweekly
                  reviewers: [*owner]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                review:
                  cadence: biweekly
                  reviewers: [head-of-support]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW0203", name: "tag",
            summary: "a YAML tag, such as '!!str', that sets a value's type",
            explanation: "pathc does not support tags, which tell YAML the type of a value: the schemas decide what each field holds. Remove the tag, and put the value in quotes if it must be read as text, as in '2026' rather than !!str 2026.",
            example: """
                kind: okr
                id: support-speed-2026
                level: strategic
                cycle: !!str 2026
                owner: head-of-support
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed-2026.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed-2026
                level: strategic
                cycle: '2026'
                owner: head-of-support
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW0204", name: "directive",
            summary: "a YAML directive line, such as '%YAML 1.2'",
            explanation: "pathc reads every file as plain YAML 1.2 and does not support directives, the lines that start with '%' at the top of a file. Remove the directive line, and the '---' line after it, which is then not needed.",
            example: """
                %YAML 1.2
                ---
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0205", name: "explicit-key",
            summary: "an explicit key written with '? '",
            explanation: "pathc does not support YAML's explicit keys, where '? ' introduces a key and a line starting with ': ' gives its value; in pathc a key is one line of text. Write the entry as 'key: value' on one line.",
            example: """
                kind: role
                id: support-engineer
                ? title
                : Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0206", name: "complex-key",
            summary: "a list or a mapping used as a key",
            explanation: "pathc does not support a list or a mapping (in brackets or braces) as a key: a key is one line of plain or quoted text. Use a text key, and put the list or mapping in its value.",
            example: """
                kind: role
                id: support-engineer
                [title, family]: [Support engineer, customer success]
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                family: customer success
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0207", name: "empty-key",
            summary: "an entry with nothing before its ':'",
            explanation: "The line starts with ': ', so its value has no key, usually because the key was deleted, or because the text was meant to continue the line above. Write the key before the colon; if the colon belongs to the text, put the whole value in quotes.",
            example: """
                kind: role
                id: support-engineer
                : Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0208", name: "merge-key",
            summary: "a merge key ('<<') that copies fields from another mapping",
            explanation: "pathc does not support merge keys ('<<'), with which some YAML tools copy the fields of another mapping into this one: they hide where a value comes from, and tools disagree about what they mean. Write the fields out in full in the mapping.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                review:
                  <<: {cadence: biweekly}
                  reviewers: [head-of-support]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                review:
                  cadence: biweekly
                  reviewers: [head-of-support]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW0209", name: "multiple-documents",
            summary: "a second YAML document in the same file, after a line '---'",
            explanation: "A line '---' after the content starts a second YAML document, but a content file holds exactly one entity. Move each entity into a file of its own, named after its id, or remove the '---' line if it was meant as a separator.",
            example: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                ---
                kind: role
                id: senior-support-engineer
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW0210", name: "content-after-document-end",
            summary: "content after the line '...' that ends the document",
            explanation: "A line '...' marks the end of the YAML document, but the file goes on after it, and a content file holds only one document. Remove the '...' line, or move the content after it into a file of its own.",
            example: """
                kind: role
                id: support-engineer
                title: Support engineer
                ...
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW1001", name: "wrong-type",
            summary: "a value of the wrong type, such as a number where text is expected",
            explanation: "The field holds another type of value than its schema asks for: a number, true or false, or nothing where text is expected, text where a list is expected, and so on. YAML decides the type from how the value is written, so 2026, true or 3.5 are not text unless they are in quotes. Write the value in the form the message asks for, quoting it to make it text; where quotes are all it takes (a number, true or false, or null meant as text), pathc check --fix adds them, around the value as it was written (1.10 stays 1.10, not 1.1).",
            example: """
                kind: okr
                id: support-speed-2026
                level: strategic
                cycle: 2026
                owner: head-of-support
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed-2026.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed-2026
                level: strategic
                cycle: "2026"
                owner: head-of-support
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW1002", name: "unknown-field",
            summary: "a field that the schema of its kind does not define",
            explanation: "The mapping has a key that its schema does not allow, most often a misspelt field name; pathc reports it rather than ignore it, so that the value is not silently lost. Correct the spelling (the message suggests the closest field) or remove the field; to add a new field for everyone, add it to the schema. When one field is clearly the closest and the mapping does not have it already, pathc check --fix renames the key.",
            example: """
                kind: role
                id: support-engineer
                titel: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW1003", name: "missing-field",
            summary: "a required field that is missing",
            explanation: "The schema of this kind of entity requires a field that the mapping does not have. Add the field and its value; the message says which field is missing and in which mapping.",
            example: """
                kind: role
                id: support-engineer
                title: Support engineer
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW1004", name: "invalid-value",
            summary: "a value that is not one of the values allowed for its field",
            explanation: "The field accepts only certain values, such as weekly, biweekly, monthly or quarterly for a review cadence, and this value is not one of them. Use one of the values the message lists, spelt exactly as shown. When the value is a misspelling of exactly one of them, pathc check --fix corrects it.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                review:
                  cadence: fortnightly
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                review:
                  cadence: biweekly
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW1005", name: "invalid-format",
            summary: "a value that is not in the form its field requires, such as an id, a cycle or a date",
            explanation: "The value is of the right type but not in the required form: an id is lowercase words joined by '-', a cycle is written like 2026-Q3, a date like 2026-07-15, and so on. Rewrite the value in the form the message shows. pathc check --fix makes an id of text that is not one (Sales Q3 becomes sales-q3), and rewrites a date written in another form that says one day (2026/07/15, 15 July 2026, July 15, 2026); a date such as 01/02/2026, which is 1 February or 2 January depending on the country, is left for you, and the message says both.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: Q3 2026
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW1006", name: "out-of-range",
            summary: "a number, text or list that is too small, too large, too short or too long",
            explanation: "The value is outside the limits its schema sets: a number below the minimum or above the maximum, text that is empty or too long, or a list with too few or too many entries. Change the value so that it fits the limit the message states.",
            example: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 0
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW1007", name: "duplicate-item",
            summary: "the same entry twice in a list that must hold each entry once",
            explanation: "This list may hold each value only once, and one value appears twice, often after a copy and paste. Remove the repeated entry.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026, customer-retention-2026]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW1008", name: "schema-mismatch",
            summary: "a value that breaks a schema rule with no more specific code",
            explanation: "The value does not fit its schema in a way none of the other codes names: it fits several alternatives where the schema allows exactly one, a list lacks the entries the schema asks it to contain, or the schema refers to itself without end. The standard content schemas never lead to it, but the house rule schema does, for a rule that uses both forbid and substitute, say. Read the message and the field's description, then change the value (or the schema) so that it fits.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW1009", name: "schema-too-costly",
            summary: "a value pathc gave up checking because its schema or pattern takes too long",
            explanation: "pathc limits the work that checking one file may take, and the schema needed more: a pattern that backtracks too much on this value, or a schema that applies itself again and again. The file itself may well be fine. Ask whoever maintains the schemas to simplify the pattern or the schema.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW1100", name: "invalid-schema",
            summary: "a schema that is not a valid JSON Schema",
            explanation: "A schema in the schemas folder is itself wrong, for example a keyword with a value of the wrong type, an unknown type name, an invalid regular expression, or an unknown kind in x-ref, so pathc cannot check any content and stops. Fix the schema at the place pathc points to; docs/schemas.md describes what pathc supports.",
            example: """
                $schema: https://json-schema.org/draft/2020-12/schema
                title: Role
                type: object
                required: [kind, id, title, competencies]
                properties:
                  kind:
                    const: role
                  title:
                    type: text
                    maxLength: 120
                """,
            exampleFile: "schemas/role.schema.yaml",
            fixed: """
                $schema: https://json-schema.org/draft/2020-12/schema
                title: Role
                type: object
                required: [kind, id, title, competencies]
                properties:
                  kind:
                    const: role
                  title:
                    type: string
                    maxLength: 120
                """),
        CodeDescription(
            code: "PW1101", name: "unsupported-keyword",
            summary: "a schema keyword or format that pathc does not implement",
            explanation: "A schema uses a keyword pathc does not know, most often a misspelling such as maxlength for maxLength, a keyword of the other draft (2019-09's $recursiveRef in a 2020-12 schema), or a format name that JSON Schema does not define. pathc stops rather than skip it, since a skipped keyword would silently check nothing. Correct the keyword, or use 'pattern' in place of an unknown format; docs/validator.md lists the formats pathc checks.",
            example: """
                $schema: https://json-schema.org/draft/2020-12/schema
                title: Role
                type: object
                required: [kind, id, title, competencies]
                properties:
                  kind:
                    const: role
                  title:
                    type: string
                    maxlength: 120
                """,
            exampleFile: "schemas/role.schema.yaml",
            fixed: """
                $schema: https://json-schema.org/draft/2020-12/schema
                title: Role
                type: object
                required: [kind, id, title, competencies]
                properties:
                  kind:
                    const: role
                  title:
                    type: string
                    maxLength: 120
                """),
        CodeDescription(
            code: "PW1102", name: "unresolved-schema-reference",
            summary: "a '$ref' in a schema that points to nothing pathc can find",
            explanation: "A '$ref' names a location that does not exist in the schema file, or another file or web address, which pathc does not fetch. Point it at a definition in the same file, such as '#/$defs/name', copying the referenced schema into '$defs' if needed.",
            example: """
                $schema: https://json-schema.org/draft/2020-12/schema
                title: Role
                type: object
                properties:
                  kind:
                    const: role
                  competencies:
                    type: array
                    items:
                      $ref: '#/$defs/requirement'
                """,
            exampleFile: "schemas/role.schema.yaml",
            fixed: """
                $schema: https://json-schema.org/draft/2020-12/schema
                title: Role
                type: object
                properties:
                  kind:
                    const: role
                  competencies:
                    type: array
                    items:
                      $ref: '#/$defs/requirement'
                $defs:
                  requirement:
                    type: object
                    required: [competency, level]
                """),
        CodeDescription(
            code: "PW1109", name: "unsupported-dialect",
            summary: "a schema written in a JSON Schema dialect that pathc does not read",
            explanation: "The schema's '$schema' names a dialect other than JSON Schema 2020-12 and 2019-09 (draft-07, say), or a metaschema whose '$vocabulary' requires a vocabulary pathc does not implement. Reading it as 2020-12 would check something other than what its author meant, so pathc stops. Write '$schema: https://json-schema.org/draft/2020-12/schema' (or the 2019-09 one) after checking that the schema means the same in that draft, or leave '$schema' out for 2020-12.",
            example: """
                $schema: http://json-schema.org/draft-07/schema#
                title: Role
                type: object
                properties:
                  kind:
                    const: role
                """,
            exampleFile: "schemas/role.schema.yaml",
            fixed: """
                $schema: https://json-schema.org/draft/2020-12/schema
                title: Role
                type: object
                properties:
                  kind:
                    const: role
                """),
        CodeDescription(
            code: "PW1103", name: "unknown-rule",
            summary: "a rule named in pathc.yaml that does not exist",
            explanation: "pathc.yaml names a rule, under 'rules:' or in an 'ignore:' entry, that is neither a built-in rule nor one of the repository's house rules; pathc stops rather than let the setting silently do nothing. Correct the name or code (the message suggests the closest; 'pathc rules' lists them all), or remove the setting.",
            example: """
                name: Customer success pathways
                content: pathways
                rules:
                  vague-terms: warning
                """,
            exampleFile: "pathc.yaml",
            fixed: """
                name: Customer success pathways
                content: pathways
                rules:
                  vague-term: warning
                """),
        CodeDescription(
            code: "PW1104", name: "invalid-baseline",
            summary: "a file given to --baseline that is not a baseline pathc wrote",
            explanation: "The file passed with 'pathc check --baseline FILE' is not in the form pathc writes (version 1, with a 'findings' list), perhaps because it was edited by hand or written by another version of pathc, so the check stops. Write it again with 'pathc check --write-baseline FILE', or pass the right file.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW1105", name: "invalid-house-rule",
            summary: "a house rule file that cannot be made into a rule",
            explanation: "A file in the house-rules folder cannot be used: its pattern is not a valid regular expression, its id is already used by another house rule, or its id is the name of a built-in rule. The rule is left out and the other rules still run. Fix the file at the place pathc points to; docs/house-rules.md shows the form of a rule.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW1106", name: "house-rule-example-fails",
            summary: "a house rule that does not flag its bad example, or flags its good one",
            explanation: "The examples of a house rule are its tests: the rule must flag each bad example and none of the good ones. One example does not behave, so the rule is off until the two agree. Change the rule or the example, so that the example shows what the rule does.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW1107", name: "path-outside-repository",
            summary: "a folder in pathc.yaml that leads outside the repository",
            explanation: "A folder setting in pathc.yaml (content, schemas, output or house_rules) leads outside the repository, through '..', an absolute path or a symbolic link. pathc.yaml arrives in pull requests like any other file, and such a folder would let a change read or overwrite files elsewhere on the machine that runs pathc. Name a folder inside the repository, relative to pathc.yaml.",
            example: """
                name: Customer success pathways
                content: ../shared/pathways
                """,
            exampleFile: "pathc.yaml",
            fixed: """
                name: Customer success pathways
                content: pathways
                """),
        CodeDescription(
            code: "PW1108", name: "unsafe-base-url",
            summary: "a base_url in pathc.yaml that is not an http or https address",
            explanation: "The address of the site in pathc.yaml must start with http:// or https:// and hold no spaces or control characters, so that links on the published site cannot run scripts. With the standard configuration schema such an address is reported as PW1005 first; this check is the safety net that applies even when the repository's schema has been loosened. Write the full address the site is published at, starting with https://.",
            example: nil, exampleFile: nil, fixed: nil),
        CodeDescription(
            code: "PW2001", name: "duplicate-id",
            summary: "two entities of the same kind with the same id",
            explanation: "Two files of the same kind use the same id, so references to it would be ambiguous and one page of the site would replace the other; it often happens when a file is copied to start a new one. Give each entity its own id, and name its file after it. pathc reports the file that comes later in path order, with a note naming the other.",
            example: """
                kind: role
                id: sales-manager
                title: Senior sales manager
                family: sales
                competencies:
                  - competency: consultative-selling
                    level: 4
                """,
            exampleFile: "pathways/roles/senior-sales-manager.role.yaml",
            fixed: """
                kind: role
                id: senior-sales-manager
                title: Senior sales manager
                family: sales
                competencies:
                  - competency: consultative-selling
                    level: 4
                """),
        CodeDescription(
            code: "PW2002", name: "unknown-reference",
            summary: "a reference to an id that no entity has",
            explanation: "A field that refers to another entity (a competency, a rubric, an OKR or a key result) names an id that no file in the content folder has, often because of a typo or a renamed entity. Use the id of an existing entity (the message suggests the closest one), or add the missing entity. When the entity exists but its own file has errors, the message names that file: fix it first, and the reference resolves. When exactly one id is that close, pathc check --fix writes it.",
            example: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-handling
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW2003", name: "wrong-kind-reference",
            summary: "a reference to an entity of the wrong kind",
            explanation: "The id exists, but it belongs to an entity of another kind than the field expects, such as a pathway where a competency is needed; ids of different kinds often look alike. Refer to an entity of the kind the field asks for.",
            example: """
                kind: role
                id: account-manager
                title: Account manager
                competencies:
                  - competency: consultative-selling-journey
                    level: 2
                """,
            exampleFile: "pathways/roles/account-manager.role.yaml",
            fixed: """
                kind: role
                id: account-manager
                title: Account manager
                competencies:
                  - competency: consultative-selling
                    level: 2
                """),
        CodeDescription(
            code: "PW2004", name: "unknown-kind",
            summary: "a 'kind' that is not okr, competency, role, rubric or pathway",
            explanation: "Every content file says what it holds with 'kind', and this one names a kind pathc does not know, so nothing else in the file is checked. Write one of okr, competency, role, rubric or pathway, in lowercase and in the singular; when one of them is clearly the closest, pathc check --fix writes it.",
            example: """
                kind: roles
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW2005", name: "missing-kind",
            summary: "a content file without a 'kind' field",
            explanation: "Without 'kind' pathc cannot tell what the file holds, so nothing else in it is checked. Add 'kind:' with okr, competency, role, rubric or pathway, as the first line of the file.",
            example: """
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
        CodeDescription(
            code: "PW2006", name: "alignment-cycle",
            summary: "aligned_to links between OKRs that lead round in a circle",
            explanation: "Following the aligned_to links from OKR to OKR leads back to where it started, so the chain never reaches a strategic OKR; alignment must lead up from developmental to team to strategic OKRs. Remove the link that closes the circle (the message lists the OKRs in it), and align each OKR to one at a higher level.",
            example: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [support-speed]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """,
            exampleFile: "pathways/okrs/support-speed.okr.yaml",
            fixed: """
                kind: okr
                id: support-speed
                level: team
                cycle: 2026-Q3
                owner: head-of-support
                aligned_to: [customer-retention-2026]
                objective: Support engineers resolve priority tickets within one working day
                key_results:
                  - id: resolution-time
                    result: Cut median resolution time for priority tickets from 30 to 8 hours
                    indicator: lagging
                """),
        CodeDescription(
            code: "PW2007", name: "not-a-mapping",
            summary: "a content file that is empty, or holds a list or a single value instead of fields",
            explanation: "A content file must be a mapping of fields that starts with 'kind' and 'id'; this one is empty, or its top level is a list or a single value, often because of a '- ' in front of the first field. Write the entity's fields at the top level of the file, with no '- ' in front of them and no indentation.",
            example: """
                - kind: role
                  id: support-engineer
                  title: Support engineer
                  competencies:
                    - competency: escalation-management
                      level: 2
                """,
            exampleFile: "pathways/roles/support-engineer.role.yaml",
            fixed: """
                kind: role
                id: support-engineer
                title: Support engineer
                competencies:
                  - competency: escalation-management
                    level: 2
                """),
    ]
}
