internal import Foundation
internal import Ledger
internal import LedgerWire

/// The domain's write methods on the socket: each decodes its params with
/// ``CommandDecoding`` into the command the writer decides; results are rendered by the
/// dispatcher from `commandResult`.
enum DomainMethods {
    /// Every domain method: the writes, `ledger.transact`, and the reports in ``ReportMethods``.
    static let all: [MethodSpec] = writes + ReportMethods.specs

    /// The write methods: `ledger.configure` for admins, the rest for writers; `dunning.run`,
    /// which delivers before it writes, is in ``DunningMethods``.
    static let writes: [MethodSpec] = CommandDecoding.writeMethods.filter {
        $0.name != DunningMethods.runMethod
    }.map { entry in
        MethodSpec(
            name: entry.name,
            role: entry.adminOnly ? .admin : .writer,
            kind: .write(decoder(for: entry.name))
        )
    }

    /// The decoder of one write method.
    static func decoder(for method: String) -> MethodSpec.WriteDecoder {
        if method == CommandDecoding.transactMethod {
            return { params, state throws(RPCError) in
                .transaction(try CommandDecoding.decodeTransaction(&params, currencies: .state(state)))
            }
        }
        return { params, state throws(RPCError) in
            let command = try CommandDecoding.decode(method: method, &params, currencies: .state(state))
            try checkTimeZone(of: command, params)
            return .single(command)
        }
    }

    /// Refuses a `ledger.configure` time zone that the system's zone database does not know,
    /// since every later business date would depend on it.
    ///
    /// - Throws: `invalid_value` naming `time_zone`.
    static func checkTimeZone(of command: Command, _ params: ParamReader) throws(RPCError) {
        guard case .configureLedger(let configure) = command, let zone = configure.timeZone,
            TimeZone(identifier: zone) == nil
        else { return }
        throw params.invalid(
            "time_zone",
            reason: "invalid_value",
            message: "time_zone \(zone) is not in the system's time zone database"
        )
    }
}
