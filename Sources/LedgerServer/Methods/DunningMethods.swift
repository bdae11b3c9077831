internal import Ledger
internal import LedgerWire

/// `dunning.preview` and `dunning.run`, for admins.
///
/// `dunning.run` delivers before it records: its decoder plans the run on the head state,
/// delivers each message, and submits the command with the failed deliveries, which the
/// decider then records as `reminder.sent` (with the fee invoices) or `reminder.failed`.
enum DunningMethods {
    /// The name of the run method.
    static let runMethod = "dunning.run"

    /// The methods, delivering through `delivery`; `today` gives the business date the writer
    /// will decide with, so a run it would refuse delivers nothing.
    static func all(delivery: ReminderDelivery, today: @escaping @Sendable () -> LedgerDate)
        -> [MethodSpec]
    {
        [
            MethodSpec(name: "dunning.preview", role: .admin, kind: .read(preview)),
            MethodSpec(
                name: runMethod,
                role: .admin,
                kind: .write(runDecoder(delivery, today: today))
            ),
        ]
    }

    static func preview(
        _ params: inout ParamReader,
        _ context: ReadContext,
        _ output: inout JSONWriter
    ) throws {
        let asOf = try params.optionalDate("as_of") ?? context.engine.businessToday()
        output.dunningPreview(context.state.dunningPlan(asOf: asOf))
    }

    static func runDecoder(
        _ delivery: ReminderDelivery,
        today: @escaping @Sendable () -> LedgerDate
    ) -> MethodSpec.WriteDecoder {
        { params, state throws(RPCError) in
            guard
                case .runDunning(let run) = try CommandDecoding.decode(
                    method: runMethod,
                    &params
                )
            else {
                throw RPCError.methodNotFound(runMethod)
            }
            // Deliver what the decider will plan on this state; a run it refuses delivers nothing.
            // The writes happen here, on the connection's event loop: spool files are small.
            guard dunningRunRefusal(run, state, DecisionContext(today: today())) == nil else {
                return .single(.runDunning(run))
            }
            var failures: [CustomerID: String] = [:]
            for message in state.dunningPlan(asOf: run.asOf).messages {
                if let error = delivery.deliver(message, creditor: state.dunning.creditor) {
                    failures[message.reminder.customerID] = error
                }
            }
            return .single(.runDunning(RunDunning(asOf: run.asOf, failures: failures)))
        }
    }
}
