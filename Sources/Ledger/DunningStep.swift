/// One level of a dunning ladder: when it falls due relative to the due date, how it is sent,
/// and what it charges.
package struct DunningStep: Hashable, Sendable {
    /// Days after the due date (negative: a courtesy notice before it).
    package var offsetDays: Int
    /// The delivery channel's name, such as `spool`.
    package var channel: String
    /// The template's name; the built-in ones are listed in ``ReminderTemplates``.
    package var template: String
    /// A fixed late fee per currency, sorted by currency; an invoice in another currency is
    /// charged none.
    package var fees: [Money]
    /// An annual interest rate in percent (such as `8.12`), charged on the open amount for the
    /// days since the due date or the previous interest charge, if any.
    package var interestRate: DecimalQuantity?

    /// The widest offset either way, in days.
    package static let maximumOffsetDays = 3650

    /// Creates a step.
    /// - Throws: ``ParameterError`` naming the member under `field` that breaks the rules.
    package init(
        offsetDays: Int,
        channel: String,
        template: String,
        fees: [Money] = [],
        interestRate: DecimalQuantity? = nil,
        field: String = "steps[0]"
    ) throws(ParameterError) {
        guard abs(offsetDays) <= DunningStep.maximumOffsetDays else {
            throw .invalidValue("\(field).offset_days", "offset_days must be within ±3650")
        }
        guard DunningStep.isName(channel) else {
            throw .invalidValue("\(field).channel", "channel must be a name of 1 to 64 bytes")
        }
        guard DunningStep.isName(template) else {
            throw .invalidValue("\(field).template", "template must be a name of 1 to 64 bytes")
        }
        var seen = Set<Currency>()
        for fee in fees {
            guard fee.isPositive, seen.insert(fee.currency).inserted else {
                throw .invalidValue("\(field).fee", "fees must be positive, one per currency")
            }
        }
        if let interestRate {
            guard interestRate.significand > 0,
                interestRate.significand <= 100 * interestRate.denominator
            else {
                throw .invalidValue(
                    "\(field).interest_rate",
                    "interest_rate must be a percentage above 0 and at most 100"
                )
            }
        }
        self.offsetDays = offsetDays
        self.channel = channel
        self.template = template
        self.fees = fees.sorted { $0.currency < $1.currency }
        self.interestRate = interestRate
    }

    /// The fee for an invoice in `currency`, if the step charges one.
    package func fee(in currency: Currency) -> Money? {
        fees.first { $0.currency == currency }
    }

    /// Whether `text` is a channel or template name: 1 to 64 bytes of free text.
    package static func isName(_ text: String) -> Bool {
        TextRules.isValid(text, maximumBytes: 64)
    }

    /// The canonical payload: `{channel, fee?, interest_rate?, offset_days, template}`.
    package var payload: PayloadValue {
        var object = PayloadObjectBuilder()
        object.add("channel", string: channel)
        if !fees.isEmpty {
            var byCurrency = PayloadObjectBuilder()
            for fee in fees { byCurrency.add(fee.currency.code, money: fee) }
            object.add("fee", byCurrency.value)
        }
        object.add("interest_rate", string: interestRate?.description)
        object.add("offset_days", .int(Int64(offsetDays)))
        object.add("template", string: template)
        return object.value
    }

    /// Reads a step from its ``payload``.
    /// - Throws: ``PayloadFieldError`` naming the bad member.
    package init(payload: PayloadValue) throws(PayloadFieldError) {
        let object = try PayloadObjectView(payload, field: "steps")
        var fees: [Money] = []
        if let feeValue = object.optional("fee") {
            let feeObject = try PayloadObjectView(feeValue, field: "fee")
            for member in feeObject.members {
                guard let currency = Currency(code: member.key) else {
                    throw PayloadFieldError(field: "fee")
                }
                fees.append(try feeObject.money(member.key, currency: currency))
            }
        }
        var rate: DecimalQuantity?
        if let text = try object.optionalString("interest_rate") {
            guard let parsed = DecimalQuantity(parsing: text) else {
                throw PayloadFieldError(field: "interest_rate")
            }
            rate = parsed
        }
        let offset = try object.int("offset_days")
        guard abs(offset) <= Int64(DunningStep.maximumOffsetDays) else {
            throw PayloadFieldError(field: "offset_days")
        }
        do {
            try self.init(
                offsetDays: Int(offset),
                channel: try object.string("channel"),
                template: try object.string("template"),
                fees: fees,
                interestRate: rate
            )
        } catch { throw PayloadFieldError(field: "steps") }
    }
}
