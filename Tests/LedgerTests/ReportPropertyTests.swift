import Ledger
import Testing

/// Properties of the collection reports over random scenarios: statements that close on the
/// balances, open items and KPIs that agree with aging.
struct ReportPropertyTests {
    @Test(arguments: PropertyTests.seeds)
    func statementsRunFromTheOpeningToTheClosingNet(seed: UInt64) throws {
        let (_, state) = PropertyTests.scenario(seed)
        var random = SplitMix64(seed: seed &+ 5)
        for time in PropertyTests.sampleTimes(state, count: 12, seed: seed &+ 3) {
            let customer = state.customers[
                Int.random(in: 0..<state.customers.count, using: &random)
            ]
            let from = time.asOf.adding(days: -Int.random(in: 0...120, using: &random))
            let statement = state.statement(
                customer: customer.id,
                from: from,
                to: time.asOf,
                knownAt: time.knownAt
            )
            guard customer.registeredSequence <= time.knownAt else {
                #expect(statement == nil)
                continue
            }
            let report = try #require(statement)
            let index = try #require(state.customerIndex(customer.id))
            let closing = state.balances(ofCustomer: index, at: time)
            let opening = state.balances(
                ofCustomer: index,
                at: ReportTime(asOf: from.adding(days: -1), knownAt: time.knownAt)
            )
            for section in report.sections {
                var balance = section.opening
                for movement in section.movements {
                    balance += movement.amount
                    #expect(movement.balance == balance)
                    #expect(movement.date >= from && movement.date <= time.asOf)
                }
                #expect(section.closing == balance)
                let net = closing.first { $0.currency == section.currency }?.net
                #expect((net ?? .zero(section.currency)) == section.closing)
                let openingNet = opening.first { $0.currency == section.currency }?.net
                #expect((openingNet ?? .zero(section.currency)) == section.opening)
            }
            // Every currency with a balance at either end has a section.
            let currencies = Set(closing.map(\.currency) + opening.map(\.currency))
            #expect(currencies.isSubset(of: Set(report.sections.map(\.currency))))
        }
    }

    /// The report over every customer walks the record stores in storage order; one customer's
    /// figures come from that customer's own lists. Both must give the same rows.
    @Test(arguments: PropertyTests.seeds)
    func everyCustomersBalancesEqualEachCustomersOwn(seed: UInt64) {
        let (_, state) = PropertyTests.scenario(seed)
        var rowsSeen = 0
        for time in PropertyTests.sampleTimes(state, count: 10, seed: seed &+ 6) {
            let report = state.balances(at: time)
            rowsSeen += report.rows.count
            var expected: [BalanceRow] = []
            for index in 0..<state.customers.count {
                let id = state.customers[index].id
                let figures = state.balances(ofCustomer: index, at: time)
                expected += figures.map { BalanceRow(customerID: id, figures: $0) }
                #expect(
                    state.balances(at: time, customer: id).rows == expected.suffix(figures.count)
                )
            }
            expected.sort {
                ($0.customerID, $0.figures.currency) < ($1.customerID, $1.figures.currency)
            }
            #expect(report.rows == expected)
        }
        #expect(rowsSeen > 0)
    }

    /// Aging rows come sorted by their group's text as bytes (a missing segment first), then
    /// by currency, whatever the grouping.
    @Test(arguments: PropertyTests.seeds)
    func agingRowsAreOrderedByGroupThenCurrency(seed: UInt64) throws {
        let (_, state) = PropertyTests.scenario(seed)
        func text(_ group: AgingReport.Group) -> [UInt8]? {
            switch group {
            case .customer(let id): Array(id.rawValue.utf8)
            case .currency: []
            case .segment(let segment): segment.map { Array($0.utf8) }
            }
        }
        var pairsChecked = 0
        for time in PropertyTests.sampleTimes(state, count: 6, seed: seed &+ 7) {
            for grouping in [AgingQuery.Grouping.customer, .segment, .currency] {
                let rows = state.aging(try AgingQuery(time: time, grouping: grouping)).rows
                for (lhs, rhs) in zip(rows, rows.dropFirst()) {
                    pairsChecked += 1
                    switch (text(lhs.group), text(rhs.group)) {
                    case (nil, nil): #expect(lhs.currency < rhs.currency)
                    case (nil, _): continue
                    case (_, nil): Issue.record("a missing segment after \(lhs.group)")
                    case (let left?, let right?):
                        #expect(
                            left.lexicographicallyPrecedes(right)
                                || (left == right && lhs.currency < rhs.currency)
                        )
                    }
                }
            }
        }
        #expect(pairsChecked > 0)
    }

    @Test(arguments: PropertyTests.seeds)
    func openItemsAndKPIsAgreeWithAging(seed: UInt64) throws {
        let (_, state) = PropertyTests.scenario(seed)
        for time in PropertyTests.sampleTimes(state, count: 10, seed: seed &+ 4) {
            let aging = state.aging(try AgingQuery(time: time))
            let items = state.openItems(at: time, customer: nil, currency: nil)
            for total in aging.totals {
                let match = items.totals.first { $0.currency == total.currency }
                #expect(match?.open == total.open)
                #expect(match?.unapplied == total.unapplied)
            }
            for item in items.items where !item.instalments.isEmpty {
                let open = item.instalments.reduce(Int64(0)) { $0 + $1.open }
                #expect(open == item.open.minorUnits)
            }
            let from = time.asOf.adding(days: -89)
            let kpis = state.kpis(from: from, to: time.asOf, knownAt: time.knownAt)
            #expect(kpis.days == 90)
            for row in kpis.rows {
                let total = aging.totals.first { $0.currency == row.currency }
                #expect((total?.open ?? .zero(row.currency)) == row.arEnd)
                #expect((total?.buckets.first ?? .zero(row.currency)) == row.currentAREnd)
                if let dso = row.dsoHundredths, let best = row.bestPossibleDSOHundredths {
                    #expect(row.addHundredths == dso - best)
                }
                #expect(row.creditSales.minorUnits >= 0)
            }
        }
    }
}
