internal import Ledger
internal import LedgerWire

/// `customer.register` on the socket; the rest of the domain's methods join it in
/// ``ServerMethods``.
enum CustomerMethods {
    static let all: [MethodSpec] = [
        MethodSpec(name: "customer.register", role: .writer, kind: .write(decodeRegister)),
    ]

    static func decodeRegister(_ params: inout ParamReader) throws(RPCError) -> WriteSubmission.Work {
        let rawID = try params.string("customer_id", maxBytes: 128, allowEmpty: false)
        guard let customerID = CustomerID(rawID) else {
            throw params.invalid("customer_id", reason: "invalid_value", message: "customer_id has control characters")
        }
        let name = try params.string("name", maxBytes: 256, allowEmpty: false)
        let email = try params.optionalString("email", maxBytes: 256)
        let segment = try params.optionalString("segment", maxBytes: 128)
        let locale = try params.optionalString("locale", maxBytes: 35)
        let currency = try params.optionalCurrency("currency")
        do {
            let command = try RegisterCustomer(
                customerID: customerID,
                name: name,
                email: email,
                segment: segment,
                currency: currency,
                locale: locale
            )
            return .single(.registerCustomer(command))
        } catch {
            throw RPCError.invalidParams(reason: error.reason, field: error.field, message: error.message)
        }
    }
}
