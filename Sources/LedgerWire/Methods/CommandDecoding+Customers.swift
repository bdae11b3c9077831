internal import Ledger

extension CommandDecoding {
    /// `customer.register {customer_id, name, email?, segment?, currency?, terms?, locale?}`.
    static func registerCustomer(_ params: inout ParamReader) throws(RPCError) -> Command {
        let customerID: CustomerID = try params.identifier("customer_id")
        let name = try params.string("name")
        let email = try params.optionalString("email")
        let segment = try params.optionalString("segment")
        let currency = try params.optionalCurrency("currency")
        let terms = try params.optionalTerms("terms")
        let locale = try params.optionalString("locale")
        let command = try params.checking { () throws(ParameterError) in
            try RegisterCustomer(
                customerID: customerID,
                name: name,
                email: email,
                segment: segment,
                currency: currency,
                terms: terms,
                locale: locale
            )
        }
        return .registerCustomer(command)
    }

    /// `customer.update {customer_id, name?, email?, segment?, currency?, terms?, locale?,
    /// dunning_policy?, risk_tier?}`:
    /// an absent member stays as it is, an explicit `null` clears it (except `name`).
    static func updateCustomer(_ params: inout ParamReader) throws(RPCError) -> Command {
        let customerID: CustomerID = try params.identifier("customer_id")
        if case .clear? = params.change("name") {
            throw params.invalid("name", reason: "invalid_value", message: "name cannot be cleared")
        }
        let name = try params.optionalString("name")
        let email = try textChange(&params, "email")
        let segment = try textChange(&params, "segment")
        let currency = try change(&params, "currency") { reader, value throws(RPCError) in
            try reader.checkedCurrency("currency", value)
        }
        let terms = try change(&params, "terms") { reader, value throws(RPCError) in
            try reader.checkedTerms("terms", value)
        }
        let locale = try textChange(&params, "locale")
        let dunningPolicy = try policyChange(&params, "dunning_policy")
        let riskTier = try change(&params, "risk_tier") { reader, value throws(RPCError) in
            let text = try reader.checkedString(
                "risk_tier",
                value,
                maxBytes: nil,
                allowEmpty: false
            )
            guard let tier = RiskTier(rawValue: text) else {
                throw reader.invalid(
                    "risk_tier",
                    reason: "invalid_value",
                    message: "risk_tier must be low, medium or high"
                )
            }
            return tier
        }
        let command = try params.checking { () throws(ParameterError) in
            try UpdateCustomer(
                customerID: customerID,
                name: name,
                email: email,
                segment: segment,
                currency: currency,
                terms: terms,
                locale: locale,
                dunningPolicy: dunningPolicy,
                riskTier: riskTier
            )
        }
        return .updateCustomer(command)
    }

    private static func textChange(_ params: inout ParamReader, _ key: String) throws(RPCError)
        -> FieldChange<String>?
    {
        try change(&params, key) { reader, value throws(RPCError) in
            try reader.checkedString(key, value, maxBytes: nil, allowEmpty: true)
        }
    }

    static func change<Value>(
        _ params: inout ParamReader,
        _ key: String,
        _ convert: (ParamReader, JSONValue) throws(RPCError) -> Value
    ) throws(RPCError) -> FieldChange<Value>? {
        switch params.change(key) {
        case nil: return nil
        case .clear?: return .clear
        case .set(let value)?: return .set(try convert(params, value))
        }
    }
}
