import Ledger
import LedgerServer
import LedgerStorage
import LedgerWire

extension DirectoryReader {
    func balances(_ params: inout ParamReader, _ output: inout JSONWriter) throws {
        let request = try ReportRequest.Balances.read(&params)
        let time = try reportTime(request.time)
        let report = try state.balances(at: time, customer: request.customerID)
        output.balancesReport(report, requested: request.time.knownAt)
    }

    func aging(_ params: inout ParamReader, _ output: inout JSONWriter) throws {
        let request = try ReportRequest.Aging.read(&params)
        let time = try reportTime(request.time)
        output.agingReport(
            try state.aging(request.query(at: time)),
            requested: request.time.knownAt
        )
    }

    func customer(_ params: inout ParamReader, _ output: inout JSONWriter) throws {
        let request = try ReportRequest.Customer.read(&params)
        let time = try reportTime(request.time)
        guard let view = try state.customerView(request.customerID, at: time) else {
            throw RPCError.rejected(
                reason: "unknown_customer",
                message: "no customer \(request.customerID) known at sequence \(time.knownAt)"
            )
        }
        output.customerView(view, time: time, requested: request.time.knownAt)
    }

    func invoice(_ params: inout ParamReader, _ output: inout JSONWriter) throws {
        let request = try ReportRequest.Invoice.read(&params)
        let time = try reportTime(request.time)
        guard let view = try state.invoiceView(request.invoiceID, at: time) else {
            throw RPCError.rejected(
                reason: "unknown_invoice",
                message:
                    "no invoice \(request.invoiceID) issued by \(time.asOf) and known at sequence \(time.knownAt)"
            )
        }
        output.invoiceView(view, time: time, requested: request.time.knownAt)
    }

    func customerList(_ params: inout ParamReader, _ output: inout JSONWriter) throws {
        let request = try ReportRequest.CustomerList.read(&params)
        let time = try reportTime(request.time)
        let page = try state.customerList(
            at: time,
            segment: request.segment,
            after: request.after,
            limit: request.limit
        )
        output.customerList(page, time: time, requested: request.time.knownAt)
    }

    func invoiceList(_ params: inout ParamReader, _ output: inout JSONWriter) throws {
        let request = try ReportRequest.InvoiceList.read(&params)
        let time = try reportTime(request.time)
        output.invoiceList(
            try state.invoiceList(request.query(at: time)),
            time: time,
            requested: request.time.knownAt
        )
    }

    func head(_ params: inout ParamReader, _ output: inout JSONWriter) {
        output.beginObject()
        output.member("seq", Int64(log.head.sequence))
        output.member("hash", log.head.hash.hex)
        output.member("recorded_at", RFC3339.format(micros: log.head.recordedAtMicros))
        output.member("ledger_id", log.ledgerID)
        output.endObject()
    }

    func readEvents(_ params: inout ParamReader, _ output: inout JSONWriter) throws {
        let from = try params.optionalInt("from_seq", in: 1...Int64.max) ?? 1
        let limit = try params.optionalInt("limit", in: 1...10_000) ?? 1000
        let records = try log.records(from: UInt64(from), limit: Int(limit))
        output.beginObject()
        output.key("events")
        output.beginArray()
        for record in records { output.record(record) }
        output.endArray()
        output.member("next_seq", Int64((records.last?.sequence ?? UInt64(from) - 1) + 1))
        output.endObject()
    }
}
