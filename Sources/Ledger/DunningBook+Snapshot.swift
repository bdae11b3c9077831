// The dunning book in a snapshot: one canonical payload value (the documented event payload
// format), since the book is small next to the entity vectors and changes rarely.

extension DunningBook {
    /// The book as a canonical payload, members and entries in a fixed order.
    package var snapshotPayload: PayloadValue {
        func assignments<Key>(_ map: [Key: DunningPolicyID], _ key: (Key) -> String) -> PayloadValue
        {
            let entries = map.map { (key($0.key), $0.value.rawValue) }.sorted {
                $0.0.utf8.lexicographicallyPrecedes($1.0.utf8)
            }
            return .array(entries.map { .array([.string($0.0), .string($0.1)]) })
        }
        var object = PayloadObjectBuilder()
        object.add("customers", assignments(customerPolicies) { $0.rawValue })
        object.add("segments", assignments(segmentPolicies) { $0 })
        object.add("tiers", assignments(tierPolicies) { $0.rawValue })
        object.add("overrides", assignments(policyOverrides) { $0.rawValue })
        let tiers = tierOverrides.map { ($0.key.rawValue, $0.value.rawValue) }.sorted {
            $0.0.utf8.lexicographicallyPrecedes($1.0.utf8)
        }
        object.add("tier_overrides", .array(tiers.map { .array([.string($0.0), .string($0.1)]) }))
        object.add("default_policy", string: defaultPolicy?.rawValue)
        object.add("creditor", creditor?.payload)
        object.add("policies", .array(policies.values.sorted { $0.id < $1.id }.map(\.payload)))
        var marked: [(invoice: InvoiceID, marks: [ReminderMark])] = []
        marks.forEach { marked.append(($0, $1)) }
        marked.sort { $0.invoice < $1.invoice }
        object.add(
            "marks",
            .array(
                marked.map { .array([.string($0.rawValue), .array($1.map(\.snapshotPayload))]) }
            )
        )
        let failures = lastFailures.sorted { $0.key < $1.key }.map {
            customer,
            failure -> PayloadValue in
            .array([
                .string(customer.rawValue), .string(failure.date.description),
                .string(failure.error),
            ])
        }
        object.add("failures", .array(failures))
        return object.value
    }

    /// Restores a book from ``snapshotPayload``.
    /// - Throws: ``PayloadFieldError`` naming the damaged member.
    package init(snapshotPayload: PayloadValue) throws(PayloadFieldError) {
        self.init()
        let object = try PayloadObjectView(snapshotPayload, field: "dunning")
        for pair in try Self.pairs(object.array("customers"), "customers") {
            guard let customer = CustomerID(pair[0]), let policy = DunningPolicyID(pair[1]) else {
                throw PayloadFieldError(field: "customers")
            }
            customerPolicies[customer] = policy
        }
        for pair in try Self.pairs(object.array("segments"), "segments") {
            guard let policy = DunningPolicyID(pair[1]) else {
                throw PayloadFieldError(field: "segments")
            }
            segmentPolicies[pair[0]] = policy
        }
        for pair in try Self.pairs(object.array("tiers"), "tiers") {
            guard let tier = RiskTier(rawValue: pair[0]), let policy = DunningPolicyID(pair[1])
            else {
                throw PayloadFieldError(field: "tiers")
            }
            tierPolicies[tier] = policy
        }
        for pair in try Self.pairs(object.array("overrides"), "overrides") {
            guard let customer = CustomerID(pair[0]), let policy = DunningPolicyID(pair[1]) else {
                throw PayloadFieldError(field: "overrides")
            }
            policyOverrides[customer] = policy
        }
        for pair in try Self.pairs(object.array("tier_overrides"), "tier_overrides") {
            guard let customer = CustomerID(pair[0]), let tier = RiskTier(rawValue: pair[1]) else {
                throw PayloadFieldError(field: "tier_overrides")
            }
            tierOverrides[customer] = tier
        }
        defaultPolicy = try object.optionalIdentifier("default_policy")
        creditor = try object.optional("creditor").map { value throws(PayloadFieldError) in
            try CreditorIdentity(payload: value)
        }
        for value in try object.array("policies") {
            let policy = try DunningPolicy(payload: value)
            policies[policy.id] = policy
        }
        for entry in try object.array("marks") {
            guard case .array(let parts) = entry, parts.count == 2, case .string(let id) = parts[0],
                let invoice = InvoiceID(id), case .array(let list) = parts[1]
            else { throw PayloadFieldError(field: "marks") }
            var restored: [ReminderMark] = []
            for mark in list { restored.append(try ReminderMark(snapshotPayload: mark)) }
            marks[invoice] = restored
        }
        for triple in try Self.pairs(object.array("failures"), "failures", arity: 3) {
            guard let customer = CustomerID(triple[0]), let date = LedgerDate(parsing: triple[1])
            else {
                throw PayloadFieldError(field: "failures")
            }
            lastFailures[customer] = ReminderFailure(date: date, error: triple[2])
        }
    }

    private static func pairs(_ values: [PayloadValue], _ field: String, arity: Int = 2)
        throws(PayloadFieldError) -> [[String]]
    {
        var result: [[String]] = []
        for value in values {
            guard case .array(let parts) = value, parts.count == arity else {
                throw PayloadFieldError(field: field)
            }
            var strings: [String] = []
            for part in parts {
                guard case .string(let text) = part else { throw PayloadFieldError(field: field) }
                strings.append(text)
            }
            result.append(strings)
        }
        return result
    }
}

extension ReminderMark {
    /// The mark as `[due_date, step, date, sequence, message_id, charged_interest]`.
    var snapshotPayload: PayloadValue {
        .array([
            .string(dueDate.description), .int(Int64(step)), .string(time.date.description),
            .int(Int64(bitPattern: time.sequence)), .string(messageID), .bool(chargedInterest),
        ])
    }

    init(snapshotPayload: PayloadValue) throws(PayloadFieldError) {
        guard case .array(let parts) = snapshotPayload, parts.count == 6,
            case .string(let due) = parts[0], let dueDate = LedgerDate(parsing: due),
            case .int(let step) = parts[1], case .string(let day) = parts[2],
            let date = LedgerDate(parsing: day), case .int(let sequence) = parts[3],
            case .string(let messageID) = parts[4], case .bool(let interest) = parts[5]
        else { throw PayloadFieldError(field: "marks") }
        self.init(
            dueDate: dueDate,
            step: Int(step),
            time: FactTime(date: date, sequence: UInt64(bitPattern: sequence)),
            messageID: messageID,
            chargedInterest: interest
        )
    }
}
