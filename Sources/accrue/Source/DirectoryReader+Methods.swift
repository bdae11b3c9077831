import Ledger
import LedgerServer
import LedgerStorage
import LedgerWire

extension DirectoryReader {
    /// `ledger.head` as the daemon answers it.
    func head(_ params: inout ParamReader, _ output: inout JSONWriter) {
        output.ledgerHead(log.head, ledgerID: log.ledgerID)
    }

    /// `events.read` as the daemon answers it.
    func readEvents(_ params: inout ParamReader, _ output: inout JSONWriter) throws {
        let from = try params.optionalInt("from_seq", in: 1...Int64.max) ?? 1
        let limit = try params.optionalInt("limit", in: 1...Int64(ServerLimits().maxEventsPerRead)) ?? 1000
        let records = try log.records(from: UInt64(from), limit: Int(limit))
        output.eventsRead(records, from: UInt64(from))
    }
}
