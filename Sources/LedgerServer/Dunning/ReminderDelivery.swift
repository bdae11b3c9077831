import Foundation
internal import Ledger

/// What the daemon delivers reminders with: the configured channels, the templates, and the
/// spool that takes what names no channel. Immutable; a configuration reload makes a new one.
///
/// A step's `channel` names a `[channels.NAME]` table; a name without a table goes to
/// `[dunning] default_channel`, and without one to the built-in spool (`accrued --spool-dir`,
/// else the first `[channels.*]` spool directory, else `spool` beside the data directory).
struct ReminderDelivery: Sendable {
    /// `[channels.NAME]`, by name.
    let channels: [String: ChannelSettings]
    /// `[dunning] default_channel`.
    let defaultChannel: String?
    /// The directory of the built-in spool.
    let spoolDirectory: String
    /// The templates.
    let templates: ReminderTemplateLibrary

    /// The channel a step named `name` delivers through.
    func channel(named name: String) -> ChannelSettings {
        channels[name] ?? defaultChannel.flatMap { channels[$0] }
            ?? .spool(directory: spoolDirectory)
    }

    /// Renders `message` with its template.
    func render(_ message: ReminderMessage, creditor: CreditorIdentity?) -> RenderedReminder {
        templates.render(message, creditor: creditor)
    }

    /// One attempt to deliver `message` through its step's channel.
    /// - Throws: ``DeliveryError`` with the channel's reason.
    func attempt(_ message: ReminderMessage, creditor: CreditorIdentity?) throws(DeliveryError) {
        try channel(named: message.reminder.channel).deliver(
            message,
            rendered: render(message, creditor: creditor),
            creditor: creditor
        )
    }
}

extension DaemonConfiguration {
    /// The delivery `settings` (the start-up ones, or a reload's) describe, with `templates`
    /// read from their `templates_directory`.
    func reminderDelivery(_ settings: DaemonSettings, templates: ReminderTemplateLibrary)
        -> ReminderDelivery
    {
        ReminderDelivery(
            channels: settings.channels,
            defaultChannel: settings.dunning.defaultChannel,
            spoolDirectory: spoolDirectory(settings),
            templates: templates
        )
    }

    /// ``spoolDirectory``, else the directory of the first `[channels.*]` spool channel (by
    /// name), else `spool` beside the data directory (`<data-dir>/../spool`).
    private func spoolDirectory(_ settings: DaemonSettings) -> String {
        if let spoolDirectory { return spoolDirectory }
        for (_, channel) in settings.channels.sorted(by: { $0.key < $1.key }) {
            if case .spool(let directory) = channel { return directory }
        }
        return URL(fileURLWithPath: dataDirectory).deletingLastPathComponent()
            .appendingPathComponent("spool").path
    }
}
