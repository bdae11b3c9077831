internal import Ledger
internal import LedgerWire

/// `dunning.preview` and `dunning.run`, for admins.
///
/// `dunning.run` is decoded on the event loop and handed to the ``DunningRunner``, which plans
/// on the head state, delivers off the event loop, and submits the command with what became of
/// each message; the decider records `reminder.sent` (with the fee invoices) or
/// `reminder.failed` for them.
enum DunningMethods {
    /// The name of the run method.
    static let runMethod = "dunning.run"

    /// The methods: runs go through `runner`; previews render with the templates `delivery()`
    /// gives, the ones in force.
    static func all(runner: DunningRunner, delivery: @escaping @Sendable () -> ReminderDelivery)
        -> [MethodSpec]
    {
        [
            MethodSpec(name: "dunning.preview", role: .admin, kind: .read(preview(delivery))),
            MethodSpec(
                name: runMethod,
                role: .admin,
                kind: .routedWrite(runDecoder, runner.submit)
            ),
        ]
    }

    /// The plan for `as_of` (default today) with every decision explained, and each message
    /// with the subject and body it would be sent with.
    static func preview(_ delivery: @escaping @Sendable () -> ReminderDelivery)
        -> MethodSpec.ReadHandler
    {
        { params, context, output in
            let asOf = try params.optionalDate("as_of") ?? context.engine.businessToday()
            let plan = context.state.dunningPlan(asOf: asOf)
            let templates = delivery()
            let creditor = context.state.dunning.creditor
            output.dunningPreview(
                plan,
                rendered: plan.messages.map { message in
                    let text = templates.render(message, creditor: creditor)
                    return (text.subject, text.body)
                }
            )
        }
    }

    static let runDecoder: MethodSpec.WriteDecoder = { params, _ throws(RPCError) in
        let command = try CommandDecoding.decode(method: runMethod, &params)
        guard case .runDunning = command else { throw RPCError.methodNotFound(runMethod) }
        return .single(command)
    }
}
