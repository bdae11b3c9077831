// Encoders and version 1 decoders of the discount, refund, dispute and promise events; members
// in ascending key order, as in EventCodec+Encoding.swift and EventCodec+Decoding.swift.

extension EventCodec {
    static func encode(_ event: InvoiceDiscountTaken, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 5)
        writer.writeKey("amount")
        writer.writeMoney(event.amount)
        writer.writeKey("currency")
        writer.writeString(utf8: event.amount.currency.codeBytes)
        writer.writeKey("date")
        writer.writeDate(event.date)
        writer.writeKey("invoice_id")
        writer.writeString(event.invoiceID.rawValue)
        writer.writeKey("payment_id")
        writer.writeString(event.paymentID.rawValue)
    }

    static func encode(_ event: PaymentRefunded, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 5)
        writer.writeKey("amount")
        writer.writeMoney(event.amount)
        writer.writeKey("currency")
        writer.writeString(utf8: event.amount.currency.codeBytes)
        writer.writeKey("date")
        writer.writeDate(event.date)
        writer.writeKey("payment_id")
        writer.writeString(event.paymentID.rawValue)
        writer.writeKey("reason")
        writer.writeString(event.reason)
    }

    static func encode(_ event: InvoiceDisputed, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 3)
        writer.writeKey("date")
        writer.writeDate(event.date)
        writer.writeKey("invoice_id")
        writer.writeString(event.invoiceID.rawValue)
        writer.writeKey("reason")
        writer.writeString(event.reason)
    }

    static func encode(_ event: InvoiceDisputeResolved, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 3)
        writer.writeKey("date")
        writer.writeDate(event.date)
        writer.writeKey("invoice_id")
        writer.writeString(event.invoiceID.rawValue)
        writer.writeKey("resolution")
        writer.writeString(event.resolution)
    }

    static func encode(_ event: InvoicePromised, into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 5)
        writer.writeKey("amount")
        writer.writeMoney(event.amount)
        writer.writeKey("currency")
        writer.writeString(utf8: event.amount.currency.codeBytes)
        writer.writeKey("date")
        writer.writeDate(event.date)
        writer.writeKey("invoice_id")
        writer.writeString(event.invoiceID.rawValue)
        writer.writeKey("promised_date")
        writer.writeDate(event.promisedDate)
    }

    static func decodeInvoiceDiscountTaken(_ reader: inout PayloadReader)
        throws(EventDecodingError) -> InvoiceDiscountTaken
    {
        var scope = try reader.openObject()
        let amount = try amountAndCurrency(&reader, &scope)
        try reader.expect("date", &scope)
        let date = try reader.date("date")
        try reader.expect("invoice_id", &scope)
        let invoiceID: InvoiceID = try reader.identifier("invoice_id")
        try reader.expect("payment_id", &scope)
        let paymentID: PaymentID = try reader.identifier("payment_id")
        try reader.close(scope)
        return InvoiceDiscountTaken(
            invoiceID: invoiceID,
            paymentID: paymentID,
            amount: amount,
            date: date
        )
    }

    static func decodePaymentRefunded(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> PaymentRefunded
    {
        var scope = try reader.openObject()
        let amount = try amountAndCurrency(&reader, &scope)
        try reader.expect("date", &scope)
        let date = try reader.date("date")
        try reader.expect("payment_id", &scope)
        let paymentID: PaymentID = try reader.identifier("payment_id")
        try reader.expect("reason", &scope)
        let reason = try reader.text("reason")
        try reader.close(scope)
        return PaymentRefunded(paymentID: paymentID, amount: amount, date: date, reason: reason)
    }

    static func decodeInvoiceDisputed(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> InvoiceDisputed
    {
        var scope = try reader.openObject()
        try reader.expect("date", &scope)
        let date = try reader.date("date")
        try reader.expect("invoice_id", &scope)
        let invoiceID: InvoiceID = try reader.identifier("invoice_id")
        try reader.expect("reason", &scope)
        let reason = try reader.text("reason")
        try reader.close(scope)
        return InvoiceDisputed(invoiceID: invoiceID, date: date, reason: reason)
    }

    static func decodeInvoiceDisputeResolved(_ reader: inout PayloadReader)
        throws(EventDecodingError) -> InvoiceDisputeResolved
    {
        var scope = try reader.openObject()
        try reader.expect("date", &scope)
        let date = try reader.date("date")
        try reader.expect("invoice_id", &scope)
        let invoiceID: InvoiceID = try reader.identifier("invoice_id")
        try reader.expect("resolution", &scope)
        let resolution = try reader.text("resolution")
        try reader.close(scope)
        return InvoiceDisputeResolved(invoiceID: invoiceID, date: date, resolution: resolution)
    }

    static func decodeInvoicePromised(_ reader: inout PayloadReader) throws(EventDecodingError)
        -> InvoicePromised
    {
        var scope = try reader.openObject()
        let amount = try amountAndCurrency(&reader, &scope)
        try reader.expect("date", &scope)
        let date = try reader.date("date")
        try reader.expect("invoice_id", &scope)
        let invoiceID: InvoiceID = try reader.identifier("invoice_id")
        try reader.expect("promised_date", &scope)
        let promisedDate = try reader.date("promised_date")
        try reader.close(scope)
        return InvoicePromised(
            invoiceID: invoiceID,
            amount: amount,
            date: date,
            promisedDate: promisedDate
        )
    }

    /// Reads the leading `amount` and `currency` members that these events share.
    private static func amountAndCurrency(
        _ reader: inout PayloadReader,
        _ scope: inout PayloadObjectScope
    ) throws(EventDecodingError) -> Money {
        try reader.expect("amount", &scope)
        let rawAmount = try reader.rawString()
        try reader.expect("currency", &scope)
        return try PayloadReader.money(rawAmount, try reader.currency("currency"), "amount")
    }
}
