/// Why snapshot bytes could not be loaded.
package enum SnapshotError: Error, Equatable, Sendable {
    /// Not a snapshot: wrong magic bytes.
    case notASnapshot
    /// A snapshot format this build does not read.
    case unsupportedVersion(UInt64)
    /// The bytes are cut off or inconsistent at `offset`.
    case corrupt(offset: Int)
}

/// Appends the primitive values of the snapshot format: LEB128 varints, zigzag integers and
/// length-prefixed UTF-8.
struct SnapshotWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: rest))
    }

    mutating func int(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func count(_ value: Int) {
        varint(UInt64(value))
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func date(_ value: LedgerDate) {
        int(Int64(value.daysSinceEpoch))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout SnapshotWriter, Value) -> Void) {
        guard let value else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        write(&self, value)
    }

    mutating func currency(_ value: Currency) {
        varint(UInt64(value.packedCode))
    }

    mutating func fact(_ value: FactTime) {
        date(value.date)
        varint(value.sequence)
    }

    mutating func terms(_ value: PaymentTerms) {
        bytes.append(value.basis.rawValue)
        count(value.days)
        optional(value.discount) { writer, discount in
            writer.int(discount.percent.significand)
            writer.bytes.append(UInt8(discount.percent.scale))
            writer.count(discount.days)
        }
        optional(value.split) { writer, split in
            writer.count(split.count)
            writer.count(split.intervalDays)
        }
    }
}

/// Reads what ``SnapshotWriter`` wrote, validating as it goes.
struct SnapshotReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    var corrupt: SnapshotError { .corrupt(offset: offset) }

    mutating func byte() throws(SnapshotError) -> UInt8 {
        guard offset < bytes.count else { throw corrupt }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws(SnapshotError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 64 else { throw corrupt }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func int() throws(SnapshotError) -> Int64 {
        let zigzag = try varint()
        return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
    }

    /// A count, bounded by the bytes left (every element takes at least one byte).
    mutating func count() throws(SnapshotError) -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - offset) else { throw corrupt }
        return Int(value)
    }

    mutating func bool() throws(SnapshotError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw corrupt
        }
    }

    mutating func date() throws(SnapshotError) -> LedgerDate {
        let days = try int()
        guard days >= Int64(LedgerDate.earliest.daysSinceEpoch),
            days <= Int64(LedgerDate.latest.daysSinceEpoch)
        else { throw corrupt }
        return LedgerDate(days: Int32(days))
    }

    mutating func raw() throws(SnapshotError) -> UnsafeRawBufferPointer {
        let length = try count()
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
        offset += length
        return slice
    }

    mutating func string() throws(SnapshotError) -> String {
        guard let text = UTF8Validation.string(try raw()) else { throw corrupt }
        return text
    }

    mutating func identifier<ID: LedgerIdentifier>() throws(SnapshotError) -> ID {
        guard let id = ID(bytes: try raw()) else { throw corrupt }
        return id
    }

    mutating func optional<Value>(
        _ read: (inout SnapshotReader) throws(SnapshotError) -> Value
    ) throws(SnapshotError) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func currency() throws(SnapshotError) -> Currency {
        let packed = try varint()
        guard packed <= UInt64(UInt32.max) else { throw corrupt }
        let code = [
            UInt8(truncatingIfNeeded: packed >> 16), UInt8(truncatingIfNeeded: packed >> 8),
            UInt8(truncatingIfNeeded: packed),
        ]
        guard let currency = code.withUnsafeBytes({ Currency(codeBytes: $0) }),
            currency.packedCode == packed
        else {
            throw corrupt
        }
        return currency
    }

    mutating func money(_ currency: Currency) throws(SnapshotError) -> Money {
        guard let money = Money(checkedMinorUnits: try int(), currency: currency) else {
            throw corrupt
        }
        return money
    }

    mutating func fact() throws(SnapshotError) -> FactTime {
        FactTime(date: try date(), sequence: try varint())
    }

    mutating func terms() throws(SnapshotError) -> PaymentTerms {
        let kind = try byte()
        let days = try varint()
        guard let basis = PaymentTerms.Basis(rawValue: kind),
            days <= UInt64(PaymentTerms.maximumDays)
        else { throw corrupt }
        let discount = try optional { reader throws(SnapshotError) -> EarlyPaymentDiscount in
            let percent = try reader.decimal()
            let discountDays = try reader.varint()
            guard discountDays <= UInt64(EarlyPaymentDiscount.maximumDays),
                let value = try? EarlyPaymentDiscount(percent: percent, days: Int(discountDays))
            else { throw reader.corrupt }
            return value
        }
        let split = try optional { reader throws(SnapshotError) -> InstalmentSplit in
            let count = try reader.varint()
            let interval = try reader.varint()
            guard count <= 1000, interval <= UInt64(PaymentTerms.maximumDays),
                let value = try? InstalmentSplit(count: Int(count), intervalDays: Int(interval))
            else { throw reader.corrupt }
            return value
        }
        return PaymentTerms(basis: basis, days: Int(days), discount: discount, split: split)
    }

    mutating func index(below limit: Int) throws(SnapshotError) -> Int32 {
        let value = try varint()
        guard value < UInt64(limit) else { throw corrupt }
        return Int32(value)
    }

    mutating func decimal() throws(SnapshotError) -> DecimalQuantity {
        let significand = try int()
        let scale = try byte()
        guard let value = DecimalQuantity(significand: significand, scale: Int(scale)),
            value.significand == significand, value.scale == Int(scale)
        else { throw corrupt }
        return value
    }
}
