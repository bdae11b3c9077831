/// `ledger.configure`: settings that change results, recorded as events so replay reproduces them.
package struct ConfigureLedger: Hashable, Sendable {
    /// The business time zone (an IANA name such as `Europe/Berlin`), if changed.
    package let timeZone: String?
    /// Write-off tolerances to set, one per currency; zero removes a currency's tolerance.
    package let writeOffTolerances: [Money]
    /// The default dunning policy to set, or a clear (`null`).
    package let defaultPolicy: FieldChange<DunningPolicyID>?
    /// The creditor identity reminders come from.
    package let creditor: CreditorIdentity?

    /// Creates the command.
    /// - Throws: ``ParameterError`` for a malformed zone name, a negative tolerance, a currency
    ///   given twice, or nothing to change.
    package init(
        timeZone: String? = nil,
        writeOffTolerances: [Money] = [],
        defaultPolicy: FieldChange<DunningPolicyID>? = nil,
        creditor: CreditorIdentity? = nil
    ) throws(ParameterError) {
        if let timeZone, !ConfigureLedger.isPlausibleZoneName(timeZone) {
            throw .invalidValue(
                "time_zone",
                "time_zone must be an IANA zone name such as Europe/Berlin"
            )
        }
        var seen = Set<Currency>()
        for tolerance in writeOffTolerances {
            guard tolerance.minorUnits >= 0 else {
                throw .invalidValue(
                    "write_off_tolerance",
                    "write_off_tolerance must not be negative"
                )
            }
            guard seen.insert(tolerance.currency).inserted else {
                throw .invalidValue("write_off_tolerance", "each currency may appear only once")
            }
        }
        guard
            timeZone != nil || !writeOffTolerances.isEmpty || defaultPolicy != nil
                || creditor != nil
        else {
            throw .invalidValue("time_zone", "ledger.configure needs at least one setting")
        }
        self.timeZone = timeZone
        self.writeOffTolerances = writeOffTolerances.sorted { $0.currency < $1.currency }
        self.defaultPolicy = defaultPolicy
        self.creditor = creditor
    }

    /// Whether `name` looks like an IANA zone name; the edge checks it against the zone database.
    package static func isPlausibleZoneName(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard !utf8.isEmpty, utf8.count <= 64 else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "_"),
                UInt8(ascii: "-"), UInt8(ascii: "+"):
                true
            default: false
            }
        }
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("time_zone", string: timeZone)
        object.add("creditor", creditor?.payload)
        object.add("default_policy", change: defaultPolicy) { .string($0.rawValue) }
        if !writeOffTolerances.isEmpty {
            var tolerances = PayloadObjectBuilder()
            for tolerance in writeOffTolerances {
                tolerances.add(tolerance.currency.code, money: tolerance)
            }
            object.add("write_off_tolerance", tolerances.value)
        }
        return object
    }
}
