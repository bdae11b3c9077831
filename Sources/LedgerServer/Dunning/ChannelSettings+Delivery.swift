import Foundation
internal import Ledger
internal import LedgerWire

/// One delivery attempt through a configured channel. Retries and their pacing are the
/// ``DeliveryOutbox``'s business; a channel tries once and says why it failed.
extension ChannelSettings {
    /// Delivers `message` once.
    ///
    /// - `spool`: writes the RFC 5322 message to `<directory>/<Message-ID>.eml` (a temporary
    ///   file renamed into place, so a reader never sees half a message; a redelivery
    ///   replaces the file).
    /// - `exec`: runs the command with the reminder as JSON on stdin (the template context
    ///   plus `subject` and `body`; `schemas/channels/exec-reminder.schema.json`); exit status
    ///   0 means delivered.
    /// - `sendmail`: pipes the RFC 5322 message to the command (`-t` reads the recipients
    ///   from the headers); exit status 0 means accepted for delivery.
    ///
    /// The `From` header is the creditor identity (`ledger.configure`), else a sendmail
    /// channel's `from`.
    ///
    /// - Throws: ``DeliveryError`` with the reason: the command's exit status and stderr, a
    ///   timeout, or the file system's error.
    func deliver(
        _ message: ReminderMessage,
        rendered: RenderedReminder,
        creditor: CreditorIdentity?
    ) throws(DeliveryError) {
        switch self {
        case .spool(let directory):
            let mail = Self.mail(message, rendered, creditor: creditor, fallbackFrom: nil)
            try Self.spool(mail, messageID: message.reminder.messageID, into: directory)
        case .exec(let command, let timeoutSeconds):
            let context = message.templateContext(creditor: creditor)
            guard case .object(let members) = context else {
                preconditionFailure("a template context is an object")
            }
            let input: PayloadValue = .object(
                sorting: members + [
                    PayloadMember("subject", .string(rendered.subject)),
                    PayloadMember("body", .string(rendered.body)),
                ]
            )
            var json = JSONWriter(reservingCapacity: 2048)
            json.payload(input)
            try Self.run(command, timeoutSeconds: timeoutSeconds, input: json.bytes + [0x0A])
        case .sendmail(let command, let from, let timeoutSeconds):
            guard message.email != nil else {
                throw DeliveryError("the customer has no email address")
            }
            let mail = Self.mail(message, rendered, creditor: creditor, fallbackFrom: from)
            try Self.run(command, timeoutSeconds: timeoutSeconds, input: Array(mail.utf8))
        }
    }

    private static func mail(
        _ message: ReminderMessage,
        _ rendered: RenderedReminder,
        creditor: CreditorIdentity?,
        fallbackFrom: String?
    ) -> String {
        let from = creditor.map { ReminderMail.mailbox($0.name, $0.address) } ?? fallbackFrom
        return message.rfc5322(subject: rendered.subject, body: rendered.body, from: from)
    }

    /// Runs a channel command; anything but exit status 0 is a failure.
    private static func run(_ command: [String], timeoutSeconds: Int, input: [UInt8])
        throws(DeliveryError)
    {
        let child = ChildProcess(command: command, timeout: .seconds(timeoutSeconds))
        let result = try child.run(input: input)
        let program = URL(fileURLWithPath: command[0]).lastPathComponent
        let detail = result.stderr.isEmpty ? "" : ": \(result.stderr)"
        switch result.outcome {
        case .exited(0): return
        case .exited(let status): throw DeliveryError("\(program) exited with \(status)\(detail)")
        case .signalled(let signal):
            throw DeliveryError("\(program) was killed by signal \(signal)\(detail)")
        case .timedOut:
            throw DeliveryError("\(program) timed out after \(timeoutSeconds) s and was killed")
        }
    }

    /// The spool file name of a message: its Message-ID without angle brackets, `/` replaced,
    /// and `.eml`.
    static func spoolFileName(_ messageID: String) -> String {
        let bare = messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        return bare.replacingOccurrences(of: "/", with: "_") + ".eml"
    }

    private static func spool(_ mail: String, messageID: String, into directory: String)
        throws(DeliveryError)
    {
        let manager = FileManager.default
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let name = spoolFileName(messageID)
        let temporary = folder.appendingPathComponent(".tmp-\(name)")
        let target = folder.appendingPathComponent(name)
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(mail.utf8).write(to: temporary)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.moveItem(at: temporary, to: target)
        } catch {
            throw DeliveryError("spool: \(error.localizedDescription)")
        }
    }
}
