internal import Ledger

extension CommandDecoding {
    /// `period.close {through}`.
    static func closePeriod(_ params: inout ParamReader) throws(RPCError) -> Command {
        .closePeriod(ClosePeriod(through: try params.date("through")))
    }

    /// `ledger.configure {time_zone?, write_off_tolerance?: {"EUR": "0.05", …},
    /// default_policy?, creditor?}`; a zero tolerance removes the currency's tolerance.
    ///
    /// The zone name is only checked for its shape here; the daemon checks it against the
    /// system's zone database.
    static func configureLedger(_ params: inout ParamReader) throws(RPCError) -> Command {
        let timeZone = try params.optionalString("time_zone")
        var tolerances: [Money] = []
        if var object = try params.optionalObject("write_off_tolerance") {
            for member in object.members {
                guard let currency = Currency(code: member.key) else {
                    throw object.invalid(
                        member.key,
                        reason: "invalid_currency",
                        message: "\(object.fieldPath(member.key)) is not an ISO 4217 currency code"
                    )
                }
                tolerances.append(
                    try object.money(member.key, currency: currency, sign: .nonNegative)
                )
            }
            try object.finish()
        }
        let (defaultPolicy, creditor) = try dunningSettings(&params)
        let command = try params.checking { () throws(ParameterError) in
            try ConfigureLedger(
                timeZone: timeZone,
                writeOffTolerances: tolerances,
                defaultPolicy: defaultPolicy,
                creditor: creditor
            )
        }
        return .configureLedger(command)
    }
}
