extension LedgerEvent {
    /// The first member that breaks the event's schema, or nil if the event is valid.
    ///
    /// Checked before encoding and after decoding: amounts positive where required (zero or more
    /// for tolerances), one currency per event, free text within limits. Identifiers, dates and
    /// currencies are valid by construction of their types.
    package var validationFailure: String? {
        switch self {
        case .ledgerCreated(let ledgerID):
            return TextRules.isValid(ledgerID, maximumBytes: LedgerEvent.maximumLedgerIDBytes)
                ? nil : "ledger_id"
        case .ledgerConfigured(let event):
            return Self.configurationFailure(event)
        case .customerRegistered(let event):
            return Self.invalid(event.name, "name") ?? Self.invalid(event.email, "email")
                ?? Self.invalid(event.segment, "segment") ?? Self.invalid(event.locale, "locale")
        case .customerUpdated(let event):
            return Self.updateFailure(event)
        case .invoiceIssued(let event):
            return Self.invoiceFailure(event)
        case .invoiceVoided(let event):
            return Self.invalid(event.reason, "reason")
        case .invoiceWrittenOff(let event):
            return Self.amountFailure(event.amount) ?? Self.invalid(event.reason, "reason")
        case .creditNoteIssued(let event):
            return Self.amountFailure(event.amount) ?? Self.invalid(event.reason, "reason")
        case .paymentReceived(let event):
            guard event.amount.isPositive else { return "amount" }
            guard TextRules.isValid(event.method, maximumBytes: 64) else { return "method" }
            return Self.invalid(event.reference, "reference")
        case .paymentAllocated(let event):
            return Self.allocationsFailure(event)
        case .paymentReversed(let event):
            return Self.invalid(event.reason, "reason")
        case .periodClosed:
            return nil
        case .invoiceDiscountTaken(let event):
            return Self.amountFailure(event.amount)
        case .paymentRefunded(let event):
            return Self.amountFailure(event.amount) ?? Self.invalid(event.reason, "reason")
        case .invoiceDisputed(let event):
            return Self.invalid(event.reason, "reason")
        case .invoiceDisputeResolved(let event):
            return Self.invalid(event.resolution, "resolution")
        case .invoicePromised(let event):
            return Self.amountFailure(event.amount)
        case .dunningConfigured, .dunningPolicyDefined, .dunningPolicyAssigned, .reminderSent,
            .reminderFailed, .dunningCustomerOverridden:
            return dunningFailure
        }
    }

    /// The first rule across an invoice's members that it breaks (a positive amount, a due date
    /// on or after the issue date, instalments and lines that add up), or nil.
    static func totalsFailure(_ event: InvoiceIssued) -> String? {
        guard event.amount.isPositive else { return "amount" }
        guard event.dueDate >= event.issueDate else { return "due_date" }
        if !event.instalments.isEmpty {
            do {
                try Instalment.check(
                    event.instalments,
                    total: event.amount,
                    issueDate: event.issueDate
                )
            } catch { return "instalments" }
            guard event.instalments.last?.dueDate == event.dueDate else { return "due_date" }
        }
        guard !event.lines.isEmpty else { return nil }
        var total: Int64 = 0
        for line in event.lines {
            guard line.unitPrice.currency == event.amount.currency, let lineTotal = line.totalAmount
            else {
                return "lines"
            }
            total += lineTotal.minorUnits
        }
        return total == event.amount.minorUnits ? nil : "amount"
    }

    /// `"amount"` unless `amount` is positive.
    static func amountFailure(_ amount: Money) -> String? {
        amount.isPositive ? nil : "amount"
    }

    /// The rule across a payment's members that it breaks (a positive amount, a method of at
    /// most 64 bytes), without re-checking its texts: the decoder's field readers did that.
    static func receiptFailure(_ event: PaymentReceived) -> String? {
        event.amount.isPositive ? (event.method.utf8.count <= 64 ? nil : "method") : "amount"
    }

    /// `"allocations"` unless there is at least one and all are positive, in one currency.
    static func allocationsFailure(_ event: PaymentAllocated) -> String? {
        guard let currency = event.allocations.first?.amount.currency else {
            return "allocations"
        }
        let valid = event.allocations.allSatisfy {
            $0.amount.isPositive && $0.amount.currency == currency
        }
        return valid ? nil : "allocations"
    }

    /// The setting of a configuration that breaks the rules (a plausible zone name, tolerances
    /// of zero or more in ascending currency order, at least one change), or nil.
    static func configurationFailure(_ event: LedgerConfigured) -> String? {
        if let zone = event.timeZone, !ConfigureLedger.isPlausibleZoneName(zone) {
            return "time_zone"
        }
        let currencies = event.writeOffTolerances.map(\.currency)
        guard event.timeZone != nil || !currencies.isEmpty else { return "write_off_tolerance" }
        guard event.writeOffTolerances.allSatisfy({ $0.minorUnits >= 0 }),
            zip(currencies, currencies.dropFirst()).allSatisfy({ $0 < $1 })
        else { return "write_off_tolerance" }
        return nil
    }

    /// The first changed text of a customer update that is not acceptable, or nil.
    static func updateFailure(_ event: CustomerUpdated) -> String? {
        Self.invalid(event.name, "name") ?? Self.invalid(event.email?.newValue, "email")
            ?? Self.invalid(event.segment?.newValue, "segment")
            ?? Self.invalid(event.locale?.newValue, "locale")
    }

    private static func invoiceFailure(_ event: InvoiceIssued) -> String? {
        if let failure = Self.totalsFailure(event) { return failure }
        for (key, value) in event.metadata {
            guard TextRules.isValid(key, maximumBytes: 128),
                value.isEmpty || TextRules.isValid(value)
            else {
                return "metadata"
            }
        }
        return Self.invalid(event.poNumber, "po_number")
    }

    /// `field` if `text` is present and not acceptable free text, else nil.
    private static func invalid(_ text: String?, _ field: String) -> String? {
        guard let text, !TextRules.isValid(text) else { return nil }
        return field
    }
}
