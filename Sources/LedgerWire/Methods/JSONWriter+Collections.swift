package import Ledger

extension JSONWriter {
    /// Writes `report.open_items`' result: `{as_of, known_at, items, credits, totals}`; an
    /// item is an open invoice with `days_past_due` (of its oldest open part), `disputed`,
    /// and `dispute`, `promise` and `instalments` when it has them.
    ///
    /// - Parameters:
    ///   - report: The report.
    ///   - requested: The `known_at` as requested.
    package mutating func openItemsReport(_ report: OpenItemsReport, requested: KnownAt) {
        beginObject()
        reportTime(report.time, requested: requested)
        key("items")
        beginArray()
        for item in report.items { openItem(item) }
        endArray()
        key("credits")
        beginArray()
        for credit in report.credits {
            beginObject()
            member("kind", credit.kind)
            member("reference", credit.reference)
            member("customer_id", credit.customerID.rawValue)
            member("currency", credit.amount.currency.code)
            member("date", credit.date.description)
            member("amount", credit.amount)
            endObject()
        }
        endArray()
        key("totals")
        beginArray()
        for total in report.totals {
            beginObject()
            member("currency", total.currency.code)
            member("open", total.open)
            member("unapplied", total.unapplied)
            endObject()
        }
        endArray()
        endObject()
    }

    private mutating func openItem(_ item: OpenItemsReport.Item) {
        beginObject()
        member("invoice_id", item.invoiceID.rawValue)
        member("customer_id", item.customerID.rawValue)
        member("currency", item.amount.currency.code)
        member("amount", item.amount)
        member("issue_date", item.issueDate.description)
        member("due_date", item.dueDate.description)
        member("open", item.open)
        member("days_past_due", Int64(item.daysPastDue))
        collectionState(
            dispute: item.dispute,
            promise: item.promise,
            instalments: item.instalments,
            currency: item.amount.currency
        )
        endObject()
    }

    /// Writes `disputed`, and `dispute`, `promise` and `instalments` when present, as members
    /// of the open object: what `invoice.get` and `report.open_items` show alike.
    mutating func collectionState(
        dispute: DisputeRecord?,
        promise: PromiseRecord?,
        instalments: [InstalmentPosition],
        currency: Currency
    ) {
        member("disputed", dispute != nil)
        if let dispute {
            key("dispute")
            beginObject()
            member("date", dispute.opened.date.description)
            member("reason", dispute.reason)
            endObject()
        }
        if let promise {
            key("promise")
            beginObject()
            member("date", promise.promisedDate.description)
            member("amount", Money(minorUnits: promise.amount, currency: currency))
            member("made_on", promise.time.date.description)
            endObject()
        }
        guard !instalments.isEmpty else { return }
        key("instalments")
        beginArray()
        for part in instalments {
            beginObject()
            member("due_date", part.dueDate.description)
            member("amount", Money(minorUnits: part.amount, currency: currency))
            member("open", Money(minorUnits: part.open, currency: currency))
            endObject()
        }
        endArray()
    }

    /// Writes `report.statement`'s result: `{customer_id, from, to, known_at, currencies}`,
    /// each currency with `opening_balance`, `movements` (`date`, `seq`, `type`, `reference`,
    /// signed `amount`, running `balance`) and `closing_balance`.
    ///
    /// - Parameters:
    ///   - report: The statement.
    ///   - requested: The `known_at` as requested.
    package mutating func statementReport(_ report: StatementReport, requested: KnownAt) {
        beginObject()
        member("customer_id", report.customerID.rawValue)
        periodMembers(
            from: report.from,
            to: report.to,
            knownAt: report.knownAt,
            requested: requested
        )
        key("currencies")
        beginArray()
        for section in report.sections {
            beginObject()
            member("currency", section.currency.code)
            member("opening_balance", section.opening)
            key("movements")
            beginArray()
            for movement in section.movements {
                beginObject()
                member("date", movement.date.description)
                member("seq", Int64(movement.sequence))
                member("type", movement.kind.rawValue)
                member("reference", movement.reference)
                member("amount", movement.amount)
                member("balance", movement.balance)
                endObject()
            }
            endArray()
            member("closing_balance", section.closing)
            endObject()
        }
        endArray()
        endObject()
    }

    /// Writes `report.kpis`' result: `{from, to, days, known_at, rows}`, a row per currency
    /// with the AR figures as amounts and `dso`, `best_possible_dso`, `add` (days) and `cei`
    /// (percent) as decimal strings with two decimals, or null where undefined.
    ///
    /// - Parameters:
    ///   - report: The report.
    ///   - requested: The `known_at` as requested.
    package mutating func kpiReport(_ report: KPIReport, requested: KnownAt) {
        beginObject()
        periodMembers(
            from: report.from,
            to: report.to,
            knownAt: report.knownAt,
            requested: requested
        )
        member("days", Int64(report.days))
        key("rows")
        beginArray()
        for row in report.rows {
            beginObject()
            member("currency", row.currency.code)
            member("ar_start", row.arStart)
            member("ar_end", row.arEnd)
            member("current_ar_end", row.currentAREnd)
            member("credit_sales", row.creditSales)
            hundredths("dso", row.dsoHundredths)
            hundredths("best_possible_dso", row.bestPossibleDSOHundredths)
            hundredths("add", row.addHundredths)
            hundredths("cei", row.ceiHundredths)
            endObject()
        }
        endArray()
        endObject()
    }

    private mutating func periodMembers(
        from: LedgerDate,
        to: LedgerDate,
        knownAt: UInt64,
        requested: KnownAt
    ) {
        member("from", from.description)
        member("to", to.description)
        key("known_at")
        beginObject()
        member("seq", Int64(knownAt))
        if case .time(_, let text) = requested { member("time", text) }
        endObject()
    }

    /// Writes a value kept in hundredths as a decimal string with two decimals (`"-3.05"`),
    /// or null.
    package mutating func hundredths(_ name: String, _ value: Int64?) {
        key(name)
        guard let value else {
            null()
            return
        }
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        string("\(value < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)")
    }
}
