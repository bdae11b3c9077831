internal import Ledger
internal import LedgerStorage

/// One write for the writer: a command, or a `ledger.transact` list, under one client-chosen
/// command id.
struct WriteSubmission: Sendable {
    /// What to apply.
    enum Work: Sendable {
        /// One write method's command.
        case single(Command)
        /// `ledger.transact`: all of them or none.
        case transaction([Command])
    }

    let commandID: String
    let work: Work
    let actor: Actor
    /// SHA-256 of the normalised body, compared on a retry with the same command id.
    let fingerprint: Digest
}

/// The writer's answer to one submission.
enum WriteReply: Sendable {
    /// Applied and durable (or, with `duplicate`, applied before under the same command id).
    /// `result` is the command's result object, or the array of results of a transaction.
    case accepted(sequence: UInt64, result: PayloadValue, duplicate: Bool)
    /// Refused: nothing was written. `index` names the failing command of a transaction.
    case rejected(reason: String, message: String, index: Int?)
}
