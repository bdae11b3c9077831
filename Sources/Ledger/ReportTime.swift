/// The bitemporal point a report looks from: business date `asOf` and log position `knownAt`.
///
/// A fact counts when it takes effect on or before `asOf` and was recorded at a sequence no
/// later than `knownAt`; "the aging on 31 December as we knew it on 5 January" is one value.
package struct ReportTime: Hashable, Sendable {
    /// Facts effective on or before this date count.
    package var asOf: LedgerDate
    /// Facts recorded at this sequence or earlier count.
    package var knownAt: UInt64

    /// Creates a report time.
    package init(asOf: LedgerDate, knownAt: UInt64) {
        self.asOf = asOf
        self.knownAt = knownAt
    }
}

/// When a fact takes effect (business date) and when it was recorded (sequence).
package struct FactTime: Hashable, Sendable {
    /// The effective date.
    package var date: LedgerDate
    /// The sequence of the event that recorded it.
    package var sequence: UInt64

    /// Creates a fact time.
    package init(date: LedgerDate, sequence: UInt64) {
        self.date = date
        self.sequence = sequence
    }

    /// Whether the fact counts at `time`.
    @inline(__always)
    package func isVisible(at time: ReportTime) -> Bool {
        date <= time.asOf && sequence <= time.knownAt
    }

    /// The later of two fact times, field by field, for "nothing happened after this" bounds.
    package func union(_ other: FactTime) -> FactTime {
        FactTime(date: max(date, other.date), sequence: max(sequence, other.sequence))
    }
}
