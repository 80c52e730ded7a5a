/// What a schema found wrong with one value.
public struct SchemaViolation: Sendable {
    public enum Problem: Sendable {
        case type(expected: JSONTypeSet)
        case notConst(expected: Node)
        case notInEnum(allowed: [Node])
        case missingProperty(String)
        /// A key the schema does not allow, the names it knows, and the keys of the same mapping.
        case unknownProperty(String, known: [String], siblings: [String])
        case patternMismatch(String)
        case formatMismatch(String)
        case tooShort(minimum: Int, actual: Int)
        case tooLong(maximum: Int, actual: Int)
        case belowMinimum(Double, exclusive: Bool)
        case aboveMaximum(Double, exclusive: Bool)
        case notMultiple(of: Double)
        case tooFewItems(minimum: Int, actual: Int)
        case tooManyItems(maximum: Int, actual: Int)
        case duplicateItem(first: Node)
        case containsTooFew(minimum: Int, found: Int)
        case containsTooMany(maximum: Int, found: Int)
        case tooFewProperties(minimum: Int, actual: Int)
        case tooManyProperties(maximum: Int, actual: Int)
        case dependentRequired(property: String, requires: String)
        case notAllowed
        case matchesNot
        case matchesSeveral(count: Int)
        case noAlternative(expected: JSONTypeSet)
        case unevaluatedProperty(String)
        case unevaluatedItem(Int)
        case tooDeep
        /// The schema needed more evaluation steps than the document's size allows: the result
        /// would not be trustworthy, so it is the only problem reported for the document.
        case tooCostly(steps: Int)
        /// The regular expression gave up on this value before deciding whether it matches.
        case patternGaveUp(String)
    }

    public let problem: Problem
    /// The value at fault: the key of a field that should not be there, the mapping that lacks a
    /// required field, otherwise the value itself.
    public let node: Node
    /// JSON Pointer of the value in its document, such as `/key_results/0/target`.
    public let pointer: String
    /// The schema that found the problem; its title and description feed the message.
    public let schema: Subschema
}

/// A value that a schema marked with an extension keyword: `x-ref` (the value is an id of some
/// kind) or `x-quality` (the text is checked by the quality rules).
public struct SchemaAnnotation: Sendable {
    public let node: Node
    public let pointer: String
    public let referenceKind: String?
    public let qualityAxes: [String]?
}

public struct SchemaValidation: Sendable {
    public var violations: [SchemaViolation] = []
    public var annotations: [SchemaAnnotation] = []
    public var isValid: Bool { violations.isEmpty }
}

/// Validates parsed documents against a compiled schema, by the rules of JSON Schema 2020-12 over
/// the YAML 1.2 core-schema typing of the document's values.
public struct SchemaValidator: Sendable {
    public let document: SchemaDocument

    public init(_ document: SchemaDocument) {
        self.document = document
    }

    /// Validates one document. `budget` is the run's allowance of regular-expression steps, shared
    /// with the other files of the run; without one, the document has an allowance of its own.
    public func validate(_ root: Node, budget: RunBudget? = nil) -> SchemaValidation {
        var evaluator = Evaluator(tracksEvaluation: document.tracksEvaluation, usesDynamicScope: document.usesDynamicScope,
                                  stepLimit: Evaluator.stepLimit(for: root), budget: budget)
        var outcome = SchemaValidation()
        _ = evaluator.evaluate(root, document.root, into: &outcome)
        evaluator.returnUnspentSteps()
        if let unfinished = evaluator.unfinished {
            // Whatever else was found may rest on branches that were cut short: report only why
            // the document could not be validated.
            return SchemaValidation(violations: [unfinished], annotations: [])
        }
        return outcome
    }
}

/// What one schema evaluated of one object or array, for `unevaluatedProperties` and `unevaluatedItems`.
struct Evaluated {
    /// Items before this index were evaluated (by `prefixItems`).
    var prefixCount = 0
    var allItems = false
    // Nil until used: most schemas track nothing, and an empty set is still a reference to count.
    private var storedKeys: Set<String>?
    private var storedIndices: Set<Int>?

    func hasKey(_ key: String) -> Bool { storedKeys?.contains(key) ?? false }
    func hasIndex(_ index: Int) -> Bool { storedIndices?.contains(index) ?? false }

    mutating func insertKey(_ key: String) {
        if storedKeys == nil { storedKeys = [key] } else { storedKeys!.insert(key) }
    }

    mutating func insertIndex(_ index: Int) {
        if storedIndices == nil { storedIndices = [index] } else { storedIndices!.insert(index) }
    }

    mutating func merge(_ other: Evaluated) {
        if let keys = other.storedKeys, !keys.isEmpty { storedKeys = storedKeys.map { $0.union(keys) } ?? keys }
        prefixCount = max(prefixCount, other.prefixCount)
        allItems = allItems || other.allItems
        if let indices = other.storedIndices, !indices.isEmpty { storedIndices = storedIndices.map { $0.union(indices) } ?? indices }
    }
}

/// One step of an instance location. Kept unformatted while evaluating: most steps never reach
/// a message or an annotation, so the JSON Pointer text is built only for those that do.
enum PathToken {
    case key(String)
    case index(Int)
}

struct Evaluator {
    let tracksEvaluation: Bool
    /// Whether to keep `dynamicScope`: only documents whose dynamic references need it pay for it.
    let usesDynamicScope: Bool
    /// The schema resources evaluation has entered, outermost first, for `$dynamicRef`.
    private var dynamicScope: [Subschema] = []
    /// The instance location.
    private var path: [PathToken] = []
    private var depth = 0
    static let maxDepth = 200

    /// Schema evaluation steps (subschema applied to a value) this document may take. Nesting
    /// bounds depth, not work: `allOf: [{$ref: '#'}, {$ref: '#'}]` doubles the work at every level.
    private let stepLimit: Int
    private var steps = 0
    /// Regular-expression steps: what this document drew from the run's budget and has left.
    private let budget: RunBudget?
    private var regexSteps = 0
    private var regexStarted = false
    /// Why the evaluation stopped before the end, if it did.
    private(set) var unfinished: SchemaViolation?

    /// Regular-expression steps one document may spend: about a second of the costliest patterns.
    static let regexStepsPerDocument = 20_000_000

    init(tracksEvaluation: Bool, usesDynamicScope: Bool = false, stepLimit: Int = Int.max, budget: RunBudget? = nil) {
        self.tracksEvaluation = tracksEvaluation
        self.usesDynamicScope = usesDynamicScope
        self.stepLimit = stepLimit
        self.budget = budget
        path.reserveCapacity(16)
    }

    /// Ordinary schemas apply a handful of subschemas to each value; this allows a hundred times
    /// that, within a fixed ceiling that keeps any one file to a few seconds.
    static func stepLimit(for root: Node) -> Int {
        min(1_000_000 + 100 * nodeCount(root), 20_000_000)
    }

    private static func nodeCount(_ root: Node) -> Int {
        var count = 0
        var stack = [root]
        while let node = stack.popLast() {
            count += 1
            switch node.content {
            case .scalar: break
            case .sequence(let items): stack += items
            case .mapping(let pairs): for pair in pairs { stack.append(pair.value) }
            }
        }
        return count
    }

    /// Matches a pattern within this document's allowance; nil when the engine gave up.
    private mutating func patternMatches(_ regex: SchemaRegex, _ text: String) -> Bool? {
        if !regexStarted {
            regexStarted = true
            regexSteps = budget?.draw(upTo: Self.regexStepsPerDocument) ?? Self.regexStepsPerDocument
        }
        return regex.match(text, steps: &regexSteps)
    }

    mutating func returnUnspentSteps() {
        budget?.giveBack(regexSteps)
        regexSteps = 0
    }

    private mutating func stop(_ problem: SchemaViolation.Problem, _ node: Node, _ schema: Subschema) {
        guard unfinished == nil else { return }
        unfinished = SchemaViolation(problem: problem, node: node, pointer: pointer(), schema: schema)
    }

    private func pointer() -> String {
        var text = ""
        for token in path {
            text.append("/")
            switch token {
            case .index(let index): text.append(String(index))
            case .key(let key): Self.appendEscaped(key, to: &text)
            }
        }
        return text
    }

    /// A key as a JSON Pointer token: `~` as `~0`, `/` as `~1`.
    private static func appendEscaped(_ key: String, to text: inout String) {
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            text.append(key)
            return
        }
        for character in key {
            switch character {
            case "~": text += "~0"
            case "/": text += "~1"
            default: text.append(character)
            }
        }
    }

    private func violation(_ problem: SchemaViolation.Problem, _ node: Node, _ schema: Subschema, _ out: inout SchemaValidation) {
        out.violations.append(SchemaViolation(problem: problem, node: node, pointer: pointer(), schema: schema))
    }

    /// Evaluates `node` against `schema`, adding violations and annotations to `out`. Returns what
    /// this schema evaluated of the node (its properties or items), for the `unevaluated` keywords.
    mutating func evaluate(_ node: Node, _ schema: Subschema, into out: inout SchemaValidation) -> Evaluated {
        var evaluated = Evaluated()
        guard unfinished == nil else { return evaluated }
        steps += 1
        guard steps <= stepLimit else {
            stop(.tooCostly(steps: stepLimit), node, schema)
            return evaluated
        }
        if let flag = schema.boolean {
            if !flag { violation(.notAllowed, node, schema, &out) }
            return evaluated
        }
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maxDepth else {
            violation(.tooDeep, node, schema, &out)
            return evaluated
        }
        var enteredResource = false
        if usesDynamicScope, let resource = schema.resource, dynamicScope.last !== resource {
            dynamicScope.append(resource)
            enteredResource = true
        }
        defer { if enteredResource { dynamicScope.removeLast() } }
        let groups = schema.groups
        if groups.contains(.reference) {
            if let target = schema.ref { evaluated.merge(evaluate(node, target, into: &out)) }
            if let target = schema.dynamicTarget(in: dynamicScope) { evaluated.merge(evaluate(node, target, into: &out)) }
        }

        // A scalar is typed by the core schema once here, for its type and its value checks.
        var scalarValue: ScalarValue?
        if groups.contains(.value) || groups.contains(.scalar), case .scalar(let scalar) = node.content { scalarValue = scalar.value }
        if groups.contains(.value) {
            let type = scalarValue.map(JSONTypeSet.of) ?? JSONTypeSet.of(node)
            if let types = schema.types, types.isDisjoint(with: type) {
                violation(.type(expected: types), node, schema, &out)
            }
            if let allowed = schema.enumValues, !schema.enumContains(node) {
                violation(.notInEnum(allowed: allowed), node, schema, &out)
            }
            if let expected = schema.constValue, !JSONData.equal(expected, node) {
                violation(.notConst(expected: expected), node, schema, &out)
            }
        }

        switch node.content {
        case .scalar:
            if groups.contains(.scalar), let scalarValue { checkScalar(node, scalarValue, schema, &out) }
        case .sequence(let items):
            if groups.contains(.array) { checkArray(node, items, schema, &evaluated, &out) }
        case .mapping(let pairs):
            if groups.contains(.object) { checkObject(node, pairs, schema, &evaluated, &out) }
        }

        if groups.contains(.applicators) { evaluateApplicators(node, schema, &evaluated, &out) }
        if tracksEvaluation { checkUnevaluated(node, schema, &evaluated, &out) }
        if groups.contains(.annotates) {
            out.annotations.append(SchemaAnnotation(node: node, pointer: pointer(), referenceKind: schema.referenceKind,
                                                    qualityAxes: schema.qualityAxes))
        }
        return evaluated
    }

    /// `allOf`, `anyOf`, `oneOf`, `not`, and `if` with `then` and `else`.
    private mutating func evaluateApplicators(_ node: Node, _ schema: Subschema, _ evaluated: inout Evaluated,
                                              _ out: inout SchemaValidation) {
        for sub in schema.allOf { evaluated.merge(evaluate(node, sub, into: &out)) }
        if !schema.anyOf.isEmpty { evaluateAnyOf(node, schema, &evaluated, &out) }
        if !schema.oneOf.isEmpty { evaluateOneOf(node, schema, &evaluated, &out) }
        if let not = schema.not {
            var scratch = SchemaValidation()
            _ = evaluate(node, not, into: &scratch)
            if scratch.isValid { violation(.matchesNot, node, schema, &out) }
        }
        if let condition = schema.ifSchema {
            var scratch = SchemaValidation()
            let conditionEvaluated = evaluate(node, condition, into: &scratch)
            if scratch.isValid {
                out.annotations += scratch.annotations
                evaluated.merge(conditionEvaluated)
                if let then = schema.thenSchema { evaluated.merge(evaluate(node, then, into: &out)) }
            } else if let otherwise = schema.elseSchema {
                evaluated.merge(evaluate(node, otherwise, into: &out))
            }
        }
    }

    // MARK: - Values

    private mutating func checkScalar(_ node: Node, _ value: ScalarValue, _ schema: Subschema, _ out: inout SchemaValidation) {
        switch value {
        case .int(let integer):
            checkNumber(node, Double(integer), schema, &out)
        case .float(let number):
            checkNumber(node, number, schema, &out)
        case .string(let text):
            if schema.minLength != nil || schema.maxLength != nil {
                // Unicode scalars, counted as the UTF-8 bytes that begin one.
                var length = 0
                for byte in text.utf8 where byte & 0xC0 != 0x80 { length += 1 }
                if let minimum = schema.minLength, length < minimum {
                    violation(.tooShort(minimum: minimum, actual: length), node, schema, &out)
                }
                if let maximum = schema.maxLength, length > maximum {
                    violation(.tooLong(maximum: maximum, actual: length), node, schema, &out)
                }
            }
            if let pattern = schema.pattern {
                switch patternMatches(pattern, text) {
                case false?: violation(.patternMismatch(pattern.pattern), node, schema, &out)
                case nil: stop(.patternGaveUp(pattern.pattern), node, schema)
                case true?: break
                }
            }
            if let format = schema.format, !format.accepts(text) {
                violation(.formatMismatch(format.rawValue), node, schema, &out)
            }
        case .null, .bool:
            break
        }
    }

    private func checkNumber(_ node: Node, _ value: Double, _ schema: Subschema, _ out: inout SchemaValidation) {
        if let minimum = schema.minimum, value < minimum { violation(.belowMinimum(minimum, exclusive: false), node, schema, &out) }
        if let maximum = schema.maximum, value > maximum { violation(.aboveMaximum(maximum, exclusive: false), node, schema, &out) }
        if let minimum = schema.exclusiveMinimum, value <= minimum { violation(.belowMinimum(minimum, exclusive: true), node, schema, &out) }
        if let maximum = schema.exclusiveMaximum, value >= maximum { violation(.aboveMaximum(maximum, exclusive: true), node, schema, &out) }
        if let divisor = schema.multipleOf, !Self.isMultiple(value, of: divisor) {
            violation(.notMultiple(of: divisor), node, schema, &out)
        }
    }

    /// Decimal-looking divisors (0.01) are not exact in binary: accept a quotient within a
    /// relative 1e-9 of a whole number. A quotient too large to hold is not a multiple.
    static func isMultiple(_ value: Double, of divisor: Double) -> Bool {
        if value.rounded() == value && divisor.rounded() == divisor && abs(value) < 9e15 {
            return value.truncatingRemainder(dividingBy: divisor) == 0
        }
        let quotient = value / divisor
        guard quotient.isFinite else { return false }
        let nearest = quotient.rounded()
        // Only 0 is a zero multiple: a tiny value (5e-324) is not a multiple of 0.0001.
        if nearest == 0 { return quotient == 0 }
        return abs(quotient - nearest) <= 1e-9 * abs(quotient)
    }

    // MARK: - Arrays

    private mutating func checkArray(_ node: Node, _ items: [Node], _ schema: Subschema, _ evaluated: inout Evaluated,
                                     _ out: inout SchemaValidation) {
        let prefix = min(items.count, schema.prefixItems.count)
        for index in 0..<prefix {
            path.append(.index(index))
            _ = evaluate(items[index], schema.prefixItems[index], into: &out)
            path.removeLast()
        }
        evaluated.prefixCount = max(evaluated.prefixCount, prefix)
        if let itemSchema = schema.items, items.count > schema.prefixItems.count {
            for index in schema.prefixItems.count..<items.count {
                path.append(.index(index))
                _ = evaluate(items[index], itemSchema, into: &out)
                path.removeLast()
            }
            evaluated.allItems = true
        }
        if let contains = schema.contains {
            var found = 0
            for (index, item) in items.enumerated() {
                var scratch = SchemaValidation()
                path.append(.index(index))
                _ = evaluate(item, contains, into: &scratch)
                path.removeLast()
                if scratch.isValid {
                    found += 1
                    out.annotations += scratch.annotations
                    if tracksEvaluation && schema.containsMarksEvaluated { evaluated.insertIndex(index) }
                }
            }
            let minimum = schema.minContains ?? 1
            if found < minimum { violation(.containsTooFew(minimum: minimum, found: found), node, schema, &out) }
            if let maximum = schema.maxContains, found > maximum {
                violation(.containsTooMany(maximum: maximum, found: found), node, schema, &out)
            }
        }
        if let minimum = schema.minItems, items.count < minimum {
            violation(.tooFewItems(minimum: minimum, actual: items.count), node, schema, &out)
        }
        if let maximum = schema.maxItems, items.count > maximum {
            violation(.tooManyItems(maximum: maximum, actual: items.count), node, schema, &out)
        }
        if schema.uniqueItems, items.count > 1 {
            if let (first, second) = JSONData.firstDuplicate(in: items) {
                path.append(.index(second))
                violation(.duplicateItem(first: items[first]), items[second], schema, &out)
                path.removeLast()
            }
        }
    }

    // MARK: - Objects

    private mutating func checkObject(_ node: Node, _ pairs: [Pair], _ schema: Subschema, _ evaluated: inout Evaluated,
                                      _ out: inout SchemaValidation) {
        var unknownKeys: [String] = []
        let keys = pairs.indices.map { pairs[$0].key.scalar?.value.keyText ?? "" }
        let hasPropertyKeywords = !schema.properties.isEmpty || !schema.patternProperties.isEmpty
            || schema.additionalProperties != nil || schema.propertyNames != nil
        if hasPropertyKeywords {
            // By index: entries are read in place, not copied key and value each time.
            for entry in pairs.indices {
                let key = keys[entry]
                var matched = false
                path.append(.key(key))
                if let index = schema.propertyIndex[key] {
                    matched = true
                    _ = evaluate(pairs[entry].value, schema.properties[index].schema, into: &out)
                }
                for (regex, sub) in schema.patternProperties {
                    guard let keyMatches = patternMatches(regex, key) else {
                        stop(.patternGaveUp(regex.pattern), pairs[entry].key, schema)
                        break
                    }
                    guard keyMatches else { continue }
                    matched = true
                    _ = evaluate(pairs[entry].value, sub, into: &out)
                }
                if !matched, let additional = schema.additionalProperties {
                    matched = true
                    if additional.boolean == false {
                        unknownKeys.append(key)
                        violation(.unknownProperty(key, known: schema.knownPropertyNames, siblings: keys), pairs[entry].key, schema, &out)
                    } else {
                        _ = evaluate(pairs[entry].value, additional, into: &out)
                    }
                }
                path.removeLast()
                if let names = schema.propertyNames {
                    let keyNode = Node(.scalar(Scalar(text: key, style: .doubleQuoted)), span: pairs[entry].key.span)
                    _ = evaluate(keyNode, names, into: &out)
                }
                if matched && tracksEvaluation { evaluated.insertKey(key) }
            }
        }
        if !schema.required.isEmpty || !schema.dependentRequired.isEmpty || !schema.dependentSchemas.isEmpty {
            // Content mappings have a few keys: a scan beats hashing them all.
            let present = KeyPresence(keys)
            for name in schema.required where !present.contains(name) {
                // A misspelt key is one problem, reported once: as an unknown field with a did-you-mean.
                // (Among the first unknown keys: a mapping of a million of them is not a typing slip.)
                if unknownKeys.prefix(100).contains(where: { Suggestion.closest(to: $0, in: [name]) != nil }) { continue }
                violation(.missingProperty(name), node, schema, &out)
            }
            for (name, requires) in schema.dependentRequired where present.contains(name) {
                for other in requires where !present.contains(other) {
                    violation(.dependentRequired(property: name, requires: other), node, schema, &out)
                }
            }
            for (name, sub) in schema.dependentSchemas where present.contains(name) {
                evaluated.merge(evaluate(node, sub, into: &out))
            }
        }
        if let minimum = schema.minProperties, pairs.count < minimum {
            violation(.tooFewProperties(minimum: minimum, actual: pairs.count), node, schema, &out)
        }
        if let maximum = schema.maxProperties, pairs.count > maximum {
            violation(.tooManyProperties(maximum: maximum, actual: pairs.count), node, schema, &out)
        }
    }

    /// Which keys a mapping has.
    private struct KeyPresence {
        let keys: [String]
        let set: Set<String>?

        init(_ keys: [String]) {
            self.keys = keys
            set = keys.count > 16 ? Set(keys) : nil
        }

        func contains(_ key: String) -> Bool { set?.contains(key) ?? keys.contains(key) }
    }

    private mutating func checkUnevaluated(_ node: Node, _ schema: Subschema, _ evaluated: inout Evaluated, _ out: inout SchemaValidation) {
        if let unevaluated = schema.unevaluatedProperties, let pairs = node.mapping {
            for pair in pairs {
                let key = pair.key.scalar?.value.keyText ?? ""
                guard !evaluated.hasKey(key) else { continue }
                path.append(.key(key))
                if unevaluated.boolean == false {
                    violation(.unevaluatedProperty(key), pair.key, schema, &out)
                } else {
                    _ = evaluate(pair.value, unevaluated, into: &out)
                }
                path.removeLast()
                evaluated.insertKey(key)
            }
        }
        if let unevaluated = schema.unevaluatedItems, let items = node.sequence, !evaluated.allItems {
            for index in evaluated.prefixCount..<max(evaluated.prefixCount, items.count) where !evaluated.hasIndex(index) {
                path.append(.index(index))
                if unevaluated.boolean == false {
                    violation(.unevaluatedItem(index), items[index], schema, &out)
                } else {
                    _ = evaluate(items[index], unevaluated, into: &out)
                }
                path.removeLast()
            }
            evaluated.allItems = true
        }
    }

    // MARK: - Alternatives

    private mutating func evaluateAnyOf(_ node: Node, _ schema: Subschema, _ evaluated: inout Evaluated, _ out: inout SchemaValidation) {
        var failures: [SchemaValidation] = []
        var matched = false
        for sub in schema.anyOf {
            var scratch = SchemaValidation()
            let branch = evaluate(node, sub, into: &scratch)
            if scratch.isValid {
                matched = true
                out.annotations += scratch.annotations
                evaluated.merge(branch)
                // Later branches matter only for what they evaluate.
                if !tracksEvaluation { return }
            } else {
                failures.append(scratch)
            }
        }
        if !matched { out.violations += bestMatch(failures, node, schema) }
    }

    private mutating func evaluateOneOf(_ node: Node, _ schema: Subschema, _ evaluated: inout Evaluated, _ out: inout SchemaValidation) {
        var failures: [SchemaValidation] = []
        var valid: [(SchemaValidation, Evaluated)] = []
        for sub in schema.oneOf {
            var scratch = SchemaValidation()
            let branch = evaluate(node, sub, into: &scratch)
            if scratch.isValid { valid.append((scratch, branch)) } else { failures.append(scratch) }
        }
        switch valid.count {
        case 0: out.violations += bestMatch(failures, node, schema)
        case 1:
            out.annotations += valid[0].0.annotations
            evaluated.merge(valid[0].1)
        default: violation(.matchesSeveral(count: valid.count), node, schema, &out)
        }
    }

    /// Of the alternatives that failed, the one the user most likely meant: one whose type fits
    /// the value, with the fewest problems. When every alternative wanted another type, one
    /// violation that names all the types.
    private func bestMatch(_ failures: [SchemaValidation], _ node: Node, _ schema: Subschema) -> [SchemaViolation] {
        var expected: JSONTypeSet = []
        var best: SchemaValidation?
        for failure in failures {
            let rootTypeMismatch = failure.violations.first { violation in
                if case .type(let types) = violation.problem, violation.node.span == node.span {
                    expected.formUnion(types)
                    return true
                }
                return false
            }
            guard rootTypeMismatch == nil else { continue }
            if best == nil || failure.violations.count < best!.violations.count { best = failure }
        }
        if let best { return best.violations }
        return [SchemaViolation(problem: .noAlternative(expected: expected), node: node, pointer: pointer(), schema: schema)]
    }
}
