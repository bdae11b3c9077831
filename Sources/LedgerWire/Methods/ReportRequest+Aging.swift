package import Ledger

extension ReportRequest {
    /// `report.aging {as_of?, known_at?, buckets?, basis?, group_by?, customer_id?, currency?}`.
    package struct Aging: Hashable, Sendable {
        /// The report time.
        package var time: Time
        /// The query, checked, at a placeholder time; ``query(at:)`` puts in the real one.
        private var template: AgingQuery

        /// Reads the params: `buckets` (upper bounds in days, default `[30, 60, 90]`), `basis`
        /// (`due_date` or `invoice_date`), `group_by` (`customer`, `currency` or `segment`).
        ///
        /// - Throws: -32602 for a malformed member, `invalid_value` for bad buckets.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> Aging {
            let time = try Time.read(&params)
            var boundaries: [Int] = [30, 60, 90]
            if let elements = try params.optionalArray("buckets") {
                boundaries = []
                for (index, element) in elements.enumerated() {
                    guard case .number(let number) = element, number.isIntegerLiteral,
                        let days = number.int64, let value = Int(exactly: days)
                    else {
                        throw params.invalid(
                            "buckets[\(index)]",
                            reason: "wrong_type",
                            message: "\(params.fieldPath("buckets[\(index)]")) must be an integer"
                        )
                    }
                    boundaries.append(value)
                }
            }
            let basis = try choice(
                &params,
                "basis",
                among: [AgingQuery.Basis.dueDate, .invoiceDate]
            )
            let grouping = try choice(
                &params,
                "group_by",
                among: [AgingQuery.Grouping.customer, .currency, .segment]
            )
            let customerID: CustomerID? = try params.optionalIdentifier("customer_id")
            let currency = try params.optionalCurrency("currency")
            let placeholder = ReportTime(asOf: .earliest, knownAt: 0)
            let template = try params.checking { () throws(ParameterError) in
                try AgingQuery(
                    time: placeholder,
                    boundaries: boundaries,
                    basis: basis,
                    grouping: grouping,
                    customerID: customerID,
                    currency: currency
                )
            }
            return Aging(time: time, template: template)
        }

        /// The query at the resolved report time.
        package func query(at reportTime: ReportTime) -> AgingQuery {
            do {
                return try AgingQuery(
                    time: reportTime,
                    boundaries: template.boundaries,
                    basis: template.basis,
                    grouping: template.grouping,
                    customerID: template.customerID,
                    currency: template.currency
                )
            } catch {
                preconditionFailure("aging query checked when read: \(error)")
            }
        }
    }

    /// An optional string member naming one of `choices`; the first is the default.
    ///
    /// - Throws: `wrong_type` or `invalid_value` listing the accepted names.
    static func choice<Choice: RawRepresentable>(
        _ params: inout ParamReader,
        _ key: String,
        among choices: [Choice]
    ) throws(RPCError) -> Choice where Choice.RawValue == String {
        guard let text = try params.optionalString(key) else { return choices[0] }
        guard let value = Choice(rawValue: text), choices.contains(where: { $0.rawValue == text })
        else {
            let names = choices.map(\.rawValue).joined(separator: ", ")
            throw params.invalid(
                key,
                reason: "invalid_value",
                message: "\(params.fieldPath(key)) must be one of \(names)"
            )
        }
        return value
    }
}
