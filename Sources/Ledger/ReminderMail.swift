/// A reminder as an RFC 5322 message: headers free of line breaks, non-ASCII header text
/// encoded as RFC 2047 words, and a plain-text UTF-8 body.
extension ReminderMessage {
    /// The whole message, CRLF line ends, ready for a spool file or a sendmail pipe.
    ///
    /// - Parameters:
    ///   - subject: The rendered subject; line breaks become spaces.
    ///   - body: The rendered plain-text body.
    ///   - from: The `From` mailbox (see ``ReminderMail/mailbox(_:_:)``); nil leaves it out.
    /// - Returns: The message text.
    package func rfc5322(subject: String, body: String, from: String?) -> String {
        let reminder = self.reminder
        let items = reminder.items.map { "\($0.invoiceID)#\($0.step)" }.joined(separator: " ")
        var headers: [(String, String)] = [
            ("Message-ID", reminder.messageID),
            ("Date", ReminderMail.dateTime(reminder.date)),
        ]
        if let from { headers.append(("From", from)) }
        if let email {
            headers.append(("To", ReminderMail.mailbox(customerName, email)))
        }
        headers += [
            ("Subject", ReminderMail.encodedWord(ReminderMail.oneLine(subject))),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", "8bit"),
            ("X-Accrue-Customer", ReminderMail.encodedWord(reminder.customerID.rawValue)),
            ("X-Accrue-Items", ReminderMail.encodedWord(items)),
        ]
        var text = ""
        for (name, value) in headers { text += "\(name): \(ReminderMail.oneLine(value))\r\n" }
        text += "\r\n"
        text += body.split(separator: "\n", omittingEmptySubsequences: false).joined(
            separator: "\r\n"
        )
        text += "\r\n"
        return text
    }
}

/// Header helpers for reminder mail.
package enum ReminderMail {
    /// `value` with every line break and control character replaced by a space.
    package static func oneLine(_ value: String) -> String {
        String(
            value.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) }
        )
    }

    /// An RFC 5322 date-time for the start of `date` in UTC, such as
    /// `Tue, 10 Feb 2026 00:00:00 +0000`: the run's business date, the only time the ledger
    /// decides with (a timestamp would make a redelivered message differ).
    package static func dateTime(_ date: LedgerDate) -> String {
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        let weekday = weekdays[Int(((date.daysSinceEpoch % 7) + 7) % 7)]
        let (year, month, day) = date.components
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "\(weekday), \(dayText) \(months[month - 1]) \(year) 00:00:00 +0000"
    }

    /// `"Name" <address>`, the name encoded when it is not plain ASCII.
    package static func mailbox(_ name: String, _ address: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" && $0 != "\\" }
        let display = plain ? "\"\(name)\"" : encodedWord(name)
        return "\(display) <\(oneLine(address))>"
    }

    /// The text itself if it is printable ASCII, else an RFC 2047 `=?UTF-8?B?…?=` word.
    package static func encodedWord(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        return "=?UTF-8?B?\(base64(Array(text.utf8)))?="
    }

    /// Standard base64 with padding.
    package static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8
        )
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value: UInt32 = 0
            for (offset, byte) in chunk.enumerated() {
                value |= UInt32(byte) << (16 - 8 * UInt32(offset))
            }
            for position in 0..<4 {
                if position <= chunk.count {
                    output.append(alphabet[Int((value >> (18 - 6 * UInt32(position))) & 0x3F)])
                } else {
                    output.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
