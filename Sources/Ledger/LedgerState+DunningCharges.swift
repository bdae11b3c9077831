// Fees, interest and the consolidated message of a dunning run.

extension LedgerState {
    /// The fee invoice for a sent step that charges a fee or interest, filling the item's
    /// `fee`, `interest` and `fee_invoice_id`; nil when the step charges nothing (or the invoice
    /// is itself a fee invoice).
    ///
    /// Interest is `open × rate / 100 × days / 365`, rounded half to even, for the days since
    /// the due date or the last step that charged interest on the invoice.
    func feeInvoice(
        for item: inout ReminderItem,
        step: DunningStep,
        invoice: InvoiceRecord,
        customer: CustomerID,
        asOf: LedgerDate
    ) -> InvoiceIssued? {
        guard invoice.metadata[LedgerState.feeForKey] == nil else { return nil }
        let fee = step.fee(in: invoice.currency)
        var interest: Money?
        if let rate = step.interestRate, item.daysOverdue > 0 {
            let charged = (dunning.marks[invoice.id] ?? []).last { $0.chargedInterest }?.time.date
            let from = max(item.dueDate, charged ?? item.dueDate)
            let days = Int64(max(asOf.days(since: from), 0))
            let numerator = rate.significand.multipliedReportingOverflow(by: days)
            if !numerator.overflow,
                let amount = item.open.multiplied(
                    by: numerator.partialValue,
                    dividedBy: rate.denominator * 36_500
                ),
                amount.isPositive
            {
                interest = amount
            }
        }
        guard fee != nil || interest != nil else { return nil }
        let zero = Money(minorUnits: 0, currency: invoice.currency)
        let total = (fee ?? zero) + (interest ?? zero)
        let id = feeInvoiceID(for: invoice, step: item.step, dueDate: item.dueDate)
        item.fee = fee
        item.interest = interest
        item.feeInvoiceID = id
        var metadata = [
            LedgerState.feeForKey: invoice.id.rawValue, "dunning_step": String(item.step),
        ]
        if let fee { metadata["dunning_fee"] = fee.decimalText }
        if let interest { metadata["dunning_interest"] = interest.decimalText }
        return InvoiceIssued(
            invoiceID: id,
            customerID: customer,
            amount: total,
            issueDate: asOf,
            dueDate: asOf,
            metadata: metadata
        )
    }

    /// `<invoice>-F<step>` (with the instalment's due date for an instalment invoice), or a
    /// hashed form when that is too long or taken.
    private func feeInvoiceID(for invoice: InvoiceRecord, step: Int, dueDate: LedgerDate)
        -> InvoiceID
    {
        let suffix = invoice.instalments.isEmpty ? "-F\(step)" : "-F\(step)-\(dueDate)"
        if let id = InvoiceID(invoice.id.rawValue + suffix), invoiceIndex(id) == nil { return id }
        var attempt = 0
        while true {
            let hash = StableHash.hex([invoice.id.rawValue, suffix, String(attempt)])
            if let id = InvoiceID("FEE-" + hash), invoiceIndex(id) == nil { return id }
            attempt += 1
        }
    }

    /// The consolidated message to `customer` for the items sent in a run: the channel and
    /// template of the highest step sent, and a Message-ID derived from the ledger id and the
    /// (invoice, due date, step) items.
    func message(
        to customer: CustomerRecord,
        items: [ReminderItem],
        policy: DunningPolicy,
        asOf: LedgerDate
    )
        -> ReminderMessage
    {
        let highest = items.max { $0.step < $1.step }?.step ?? 1
        let step = policy.steps[highest - 1]
        let reminder = Reminder(
            customerID: customer.id,
            date: asOf,
            channel: step.channel,
            template: step.template,
            messageID: ReminderMessageID.make(
                ledgerID: settings.ledgerID ?? "ledger",
                items: items
            ),
            items: items
        )
        return ReminderMessage(
            reminder: reminder,
            customerName: customer.name,
            email: customer.email
        )
    }
}

/// The deterministic Message-ID of a reminder: the same items in the same ledger always give
/// the same id, so a receiver can drop a redelivered duplicate.
package enum ReminderMessageID {
    /// `<r.<32 hex digits>@<ledger id>.accrue>`, the hex digits hashing every
    /// (invoice, due date, step) item.
    package static func make(ledgerID: String, items: [ReminderItem]) -> String {
        var parts = [ledgerID]
        for item in items {
            parts += [item.invoiceID.rawValue, item.dueDate.description, String(item.step)]
        }
        let domain = String(
            ledgerID.unicodeScalars.map { scalar in
                scalar == "." || scalar.isASCIILetterOrDigit ? Character(scalar) : "-"
            }
        )
        return "<r.\(StableHash.hex(parts))@\(domain).accrue>"
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetterOrDigit: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}

/// A stable 128-bit FNV-1a hash of a list of strings, as 32 hex digits: not cryptographic,
/// only deterministic across runs and builds (Swift's `Hasher` is seeded per process).
package enum StableHash {
    /// The hex digest of `parts`, each followed by a zero byte so boundaries count.
    package static func hex(_ parts: [String]) -> String {
        var low: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt64 = 0x6c62_272e_07bb_0142
        for part in parts {
            for byte in part.utf8 + [0] {
                low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                high = (high ^ UInt64(byte) ^ (low >> 32)) &* 0x0000_0100_0000_01b3
            }
        }
        return hex16(high) + hex16(low)
    }

    private static func hex16(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
