import Foundation
import Ledger
import LedgerServer
import LedgerStorage
import LedgerWire

/// Answers the read methods straight from a ledger directory, read-only, with the daemon's
/// request decoding, projection, reports and JSON rendering, so `--data-dir` output is
/// byte for byte what the daemon would send for the same ledger.
final class DirectoryReader {
    /// The opened log.
    let log: EventLog
    private var cachedState: LedgerState?

    /// A read method: decodes its params, renders its result.
    typealias Method = (DirectoryReader) -> (inout ParamReader, inout JSONWriter) throws -> Void

    /// The method a ledger directory answers without the daemon, if it is one: every report
    /// and lookup through the daemon's own handlers (``ReportMethods``), plus the log's head and
    /// records.
    static func method(named name: String) -> Method? {
        if let report = ReportMethods.handler(named: name) {
            return { reader in
                { params, output in
                    try report(
                        &params,
                        LoadedProjection(state: try reader.state, reader: reader),
                        &output
                    )
                }
            }
        }
        switch name {
        case "ledger.head": return head
        case "events.read": return readEvents
        default: return nil
        }
    }

    /// The loaded projection as the report handlers read it.
    private struct LoadedProjection: ReportSource {
        let state: LedgerState
        let reader: DirectoryReader

        func reportTime(_ request: ReportRequest.Time) throws -> ReportTime {
            try reader.reportTime(request)
        }
    }

    /// Opens `path` read-only.
    init(path: String) throws {
        log = try LedgerDirectory.openReadOnly(path)
    }

    /// The projection at the head, loaded once (newest snapshot plus the tail) and kept until
    /// the process exits.
    var state: LedgerState {
        get throws {
            if let cachedState { return cachedState }
            let loaded = try log.loadProjection()
            cachedState = loaded
            ExitTeardown.keep(loaded)
            return loaded
        }
    }

    /// Answers `method` with `params` as the daemon would.
    ///
    /// - Returns: The result, or the error the daemon would answer.
    func call(_ method: String, _ params: JSONValue?) throws -> Result<JSONValue, RPCError> {
        guard let handler = Self.method(named: method) else {
            return .failure(
                RPCError.invalidParams(
                    reason: "needs_daemon",
                    field: nil,
                    message: "\(method) needs the daemon: use --socket instead of --data-dir"
                )
            )
        }
        do {
            var reader = try ParamReader(params)
            var output = JSONWriter(reservingCapacity: 4096)
            try handler(self)(&reader, &output)
            try reader.finish()
            return .success(try JSONParser.parse(output.bytes))
        } catch let error as RPCError {
            return .failure(error)
        }
    }

    /// The report time a request asks for, resolved as the daemon does: `as_of` defaults to
    /// today in the ledger's business time zone, `known_at` is capped at the head.
    func reportTime(_ request: ReportRequest.Time) throws -> ReportTime {
        let state = try self.state
        return try log.reportTime(
            request,
            head: state.head,
            today: BusinessCalendar.today(in: state.settings)
        )
    }
}
