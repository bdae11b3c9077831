internal import Foundation
internal import Ledger

/// Delivers reminder messages through their step's channel. Only `spool` is built in: one
/// file per message in a directory, named after its Message-ID.
///
/// Delivery is at least once: a message written but not recorded (a crash, a refused command)
/// is written again by the next run under the same name, so the spool holds it once and a
/// receiver that keys on the Message-ID sees no duplicate.
struct ReminderDelivery: Sendable {
    /// The spool directory, created on first use.
    let spoolDirectory: String

    /// Pauses before the second and third attempt, in milliseconds.
    static let backoffMilliseconds: [UInt32] = [20, 100]

    /// Delivers `message`, trying again after each pause of ``backoffMilliseconds``; nil on
    /// success, else the last error, to record in `reminder.failed`.
    func deliver(_ message: ReminderMessage, creditor: CreditorIdentity?) -> String? {
        guard message.reminder.channel == "spool" else {
            return "channel \(message.reminder.channel) is not available"
        }
        var lastError = ""
        for attempt in 0...Self.backoffMilliseconds.count {
            if attempt > 0 { usleep(Self.backoffMilliseconds[attempt - 1] * 1000) }
            do {
                try spool(message, creditor: creditor)
                return nil
            } catch {
                lastError = "spool: \(error.localizedDescription)"
            }
        }
        return "\(lastError) (after \(Self.backoffMilliseconds.count + 1) attempts)"
    }

    /// The spool file name of a message: its Message-ID without angle brackets, `/` replaced,
    /// and `.eml`.
    static func fileName(_ messageID: String) -> String {
        let bare = messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        return bare.replacingOccurrences(of: "/", with: "_") + ".eml"
    }

    /// Writes the message to a temporary file and renames it into place, so a reader of the
    /// spool never sees half a message.
    private func spool(_ message: ReminderMessage, creditor: CreditorIdentity?) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: spoolDirectory, withIntermediateDirectories: true)
        let directory = URL(fileURLWithPath: spoolDirectory, isDirectory: true)
        let name = Self.fileName(message.reminder.messageID)
        let temporary = directory.appendingPathComponent(".tmp-\(name)")
        let target = directory.appendingPathComponent(name)
        try Data(message.rfc5322(creditor: creditor).utf8).write(to: temporary)
        if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
        try manager.moveItem(at: temporary, to: target)
    }
}

extension DaemonConfiguration {
    /// ``spoolDirectory``, else the directory of the first `[channels.*]` spool channel (by
    /// name), else `spool` beside the data directory (`<data-dir>/../spool`).
    var resolvedSpoolDirectory: String {
        if let spoolDirectory { return spoolDirectory }
        for (_, channel) in settings.channels.sorted(by: { $0.key < $1.key }) {
            if case .spool(let directory) = channel { return directory }
        }
        return URL(fileURLWithPath: dataDirectory).deletingLastPathComponent()
            .appendingPathComponent("spool").path
    }
}
