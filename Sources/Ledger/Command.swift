/// A write to the ledger, already validated on its own; the decider checks it against the state.
///
/// One case per write method. A command carries no `command_id`: idempotency is the storage
/// layer's business, comparing ``fingerprint``s.
package enum Command: Hashable, Sendable {
    /// `customer.register`.
    case registerCustomer(RegisterCustomer)
    /// `customer.update`.
    case updateCustomer(UpdateCustomer)
    /// `invoice.issue`.
    case issueInvoice(IssueInvoice)
    /// `invoice.void`.
    case voidInvoice(VoidInvoice)
    /// `invoice.write_off`.
    case writeOffInvoice(WriteOffInvoice)
    /// `credit_note.issue`.
    case issueCreditNote(IssueCreditNote)
    /// `payment.record`.
    case recordPayment(RecordPayment)
    /// `payment.allocate`.
    case allocatePayment(AllocatePayment)
    /// `payment.reverse`.
    case reversePayment(ReversePayment)
    /// `period.close`.
    case closePeriod(ClosePeriod)
    /// `ledger.configure`.
    case configureLedger(ConfigureLedger)
    /// `payment.refund`.
    case refundPayment(RefundPayment)
    /// `invoice.dispute`.
    case disputeInvoice(DisputeInvoice)
    /// `invoice.resolve_dispute`.
    case resolveDispute(ResolveDispute)
    /// `invoice.promise`.
    case promisePayment(PromisePayment)
    /// `dunning.define_policy`.
    case defineDunningPolicy(DunningPolicy)
    /// `dunning.assign_policy`.
    case assignDunningPolicy(DunningAssignment)
    /// `dunning.run`.
    case runDunning(RunDunning)

    /// The JSON-RPC method name.
    package var method: String {
        switch self {
        case .registerCustomer: "customer.register"
        case .updateCustomer: "customer.update"
        case .issueInvoice: "invoice.issue"
        case .voidInvoice: "invoice.void"
        case .writeOffInvoice: "invoice.write_off"
        case .issueCreditNote: "credit_note.issue"
        case .recordPayment: "payment.record"
        case .allocatePayment: "payment.allocate"
        case .reversePayment: "payment.reverse"
        case .closePeriod: "period.close"
        case .configureLedger: "ledger.configure"
        case .refundPayment: "payment.refund"
        case .disputeInvoice: "invoice.dispute"
        case .resolveDispute: "invoice.resolve_dispute"
        case .promisePayment: "invoice.promise"
        case .defineDunningPolicy: "dunning.define_policy"
        case .assignDunningPolicy: "dunning.assign_policy"
        case .runDunning: "dunning.run"
        }
    }

    /// Every write method name, for `system.describe`.
    package static let methods = [
        "customer.register", "customer.update", "invoice.issue", "invoice.void",
        "invoice.write_off", "credit_note.issue", "payment.record", "payment.allocate",
        "payment.reverse", "period.close", "ledger.configure", "payment.refund",
        "invoice.dispute", "invoice.resolve_dispute", "invoice.promise", "dunning.define_policy",
        "dunning.assign_policy", "dunning.run",
    ]

    /// The write methods only admins may call.
    package static let adminMethods: Set<String> = ["ledger.configure", "dunning.run"]

    /// The typed parameters in canonical form, without `command_id`.
    package var parameters: PayloadValue { parameterObject.value }

    /// The parameters, member by member; the dunning policy commands' payloads are their
    /// parameters.
    private var parameterObject: PayloadObjectBuilder {
        switch self {
        case .registerCustomer(let command): command.parameters
        case .updateCustomer(let command): command.parameters
        case .issueInvoice(let command): PayloadObjectBuilder(membersOf: command.parameters)
        case .voidInvoice(let command): command.parameters
        case .writeOffInvoice(let command): command.parameters
        case .issueCreditNote(let command): command.parameters
        case .recordPayment(let command): command.parameters
        case .allocatePayment(let command): command.parameters
        case .reversePayment(let command): command.parameters
        case .closePeriod(let command): command.parameters
        case .configureLedger(let command): command.parameters
        case .refundPayment(let command): command.parameters
        case .disputeInvoice(let command): command.parameters
        case .resolveDispute(let command): command.parameters
        case .promisePayment(let command): command.parameters
        case .runDunning(let command): command.parameters
        case .defineDunningPolicy(let policy): PayloadObjectBuilder(membersOf: policy.payload)
        case .assignDunningPolicy(let assignment):
            PayloadObjectBuilder(membersOf: assignment.payload)
        }
    }

    /// `{"method": …, "params": …}` with normalised typed values, so that equivalent requests
    /// (`"125.5"` and `"125.50"`, keys in any order) have equal fingerprints and a retry with the
    /// same `command_id` is recognised, while any real difference is an idempotency conflict.
    package var fingerprint: PayloadValue {
        .object([PayloadMember("method", .string(method)), PayloadMember("params", parameters)])
    }

    /// Appends the canonical encoding of ``fingerprint``, written straight from the command:
    /// the socket makes one for every write, and building the value first took a fifth of the
    /// event loops' time under load.
    package func encodeFingerprint(into writer: inout PayloadWriter) {
        writer.writeObjectHeader(count: 2)
        writer.writeKey("method")
        writer.writeString(method)
        writer.writeKey("params")
        if case .issueInvoice(let command) = self {
            command.encodeParameters(into: &writer)
        } else {
            parameterObject.encode(into: &writer)
        }
    }

    /// The canonical bytes of the fingerprint of `ledger.transact` over `commands`:
    /// `["ledger.transact", fingerprint…]`.
    package static func transactionFingerprint(_ commands: [Command]) -> [UInt8] {
        var writer = PayloadWriter(capacity: 256 * (commands.count + 1))
        writer.writeArrayHeader(count: commands.count + 1)
        writer.writeString("ledger.transact")
        for command in commands { command.encodeFingerprint(into: &writer) }
        return writer.bytes
    }

    /// The canonical bytes of ``fingerprint``.
    package var fingerprintBytes: [UInt8] {
        var writer = PayloadWriter(capacity: 256)
        encodeFingerprint(into: &writer)
        return writer.bytes
    }
}
