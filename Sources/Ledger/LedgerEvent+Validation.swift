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
            if let zone = event.timeZone, !ConfigureLedger.isPlausibleZoneName(zone) {
                return "time_zone"
            }
            let currencies = event.writeOffTolerances.map(\.currency)
            guard event.timeZone != nil || !currencies.isEmpty else { return "write_off_tolerance" }
            guard event.writeOffTolerances.allSatisfy({ $0.minorUnits >= 0 }),
                zip(currencies, currencies.dropFirst()).allSatisfy({ $0 < $1 })
            else { return "write_off_tolerance" }
            return nil
        case .customerRegistered(let event):
            return invalid(event.name, "name") ?? invalid(event.email, "email")
                ?? invalid(event.segment, "segment") ?? invalid(event.locale, "locale")
        case .customerUpdated(let event):
            return invalid(event.name, "name") ?? invalid(event.email?.newValue, "email")
                ?? invalid(event.segment?.newValue, "segment")
                ?? invalid(event.locale?.newValue, "locale")
        case .invoiceIssued(let event):
            return invoiceFailure(event)
        case .invoiceVoided(let event):
            return invalid(event.reason, "reason")
        case .invoiceWrittenOff(let event):
            return event.amount.isPositive ? invalid(event.reason, "reason") : "amount"
        case .creditNoteIssued(let event):
            return event.amount.isPositive ? invalid(event.reason, "reason") : "amount"
        case .paymentReceived(let event):
            guard event.amount.isPositive else { return "amount" }
            guard TextRules.isValid(event.method, maximumBytes: 64) else { return "method" }
            return invalid(event.reference, "reference")
        case .paymentAllocated(let event):
            guard let currency = event.allocations.first?.amount.currency else {
                return "allocations"
            }
            let valid = event.allocations.allSatisfy {
                $0.amount.isPositive && $0.amount.currency == currency
            }
            return valid ? nil : "allocations"
        case .paymentReversed(let event):
            return invalid(event.reason, "reason")
        case .periodClosed:
            return nil
        case .invoiceDiscountTaken(let event):
            return event.amount.isPositive ? nil : "amount"
        case .paymentRefunded(let event):
            return event.amount.isPositive ? invalid(event.reason, "reason") : "amount"
        case .invoiceDisputed(let event):
            return invalid(event.reason, "reason")
        case .invoiceDisputeResolved(let event):
            return invalid(event.resolution, "resolution")
        case .invoicePromised(let event):
            return event.amount.isPositive ? nil : "amount"
        case .dunningConfigured, .dunningPolicyDefined, .dunningPolicyAssigned, .reminderSent,
            .reminderFailed, .dunningCustomerOverridden:
            return dunningFailure
        }
    }

    /// The first rule across members that the event breaks (positive amounts, one currency,
    /// totals that add up), without re-checking texts: the decoder's field readers did that.
    package var crossFieldFailure: String? {
        switch self {
        case .invoiceIssued(let event): return invoiceTotalsFailure(event)
        case .invoiceWrittenOff(let event): return event.amount.isPositive ? nil : "amount"
        case .creditNoteIssued(let event): return event.amount.isPositive ? nil : "amount"
        case .paymentReceived(let event):
            return event.amount.isPositive
                ? (event.method.utf8.count <= 64 ? nil : "method") : "amount"
        case .paymentAllocated, .ledgerConfigured, .customerUpdated: return validationFailure
        case .invoiceDiscountTaken(let event): return event.amount.isPositive ? nil : "amount"
        case .paymentRefunded(let event): return event.amount.isPositive ? nil : "amount"
        case .invoicePromised(let event): return event.amount.isPositive ? nil : "amount"
        default: return nil
        }
    }

    private func invoiceTotalsFailure(_ event: InvoiceIssued) -> String? {
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

    private func invoiceFailure(_ event: InvoiceIssued) -> String? {
        if let failure = invoiceTotalsFailure(event) { return failure }
        for (key, value) in event.metadata {
            guard TextRules.isValid(key, maximumBytes: 128),
                value.isEmpty || TextRules.isValid(value)
            else {
                return "metadata"
            }
        }
        return invalid(event.poNumber, "po_number")
    }

    /// `field` if `text` is present and not acceptable free text, else nil.
    private func invalid(_ text: String?, _ field: String) -> String? {
        guard let text, !TextRules.isValid(text) else { return nil }
        return field
    }
}
