/// An ISO 4217 currency: its three-letter code and its exponent (digits after the decimal point).
///
/// Only codes in ``Currency/knownExponents`` exist, so every amount has a known precision and an
/// unknown code is refused at the edge instead of guessing two decimals.
package struct Currency: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The three ASCII letters, first letter in the highest byte, so numeric order is code order.
    package let packedCode: UInt32
    /// Digits after the decimal point: 0 for JPY, 2 for EUR, 3 for KWD.
    package let exponent: Int

    /// Looks up a currency by its ISO 4217 code, such as `"EUR"`; nil for an unknown code.
    package init?(code: String) {
        var code = code
        guard let currency = code.withUTF8({ Currency(codeBytes: UnsafeRawBufferPointer($0)) })
        else {
            return nil
        }
        self = currency
    }

    /// Looks up a currency by the raw bytes of its code; nil for an unknown code.
    package init?(codeBytes: UnsafeRawBufferPointer) {
        guard codeBytes.count == 3 else { return nil }
        var packed: UInt32 = 0
        var slot = 0
        for byte in codeBytes {
            let letter = byte &- UInt8(ascii: "A")
            guard letter < 26 else { return nil }
            packed = packed << 8 | UInt32(byte)
            slot = slot * 26 + Int(letter)
        }
        // The table holds exponent + 1, zero for unknown codes: one load instead of a hash lookup.
        let entry = Currency.exponentTable[slot]
        guard entry > 0 else { return nil }
        self.packedCode = packed
        self.exponent = Int(entry - 1)
    }

    /// The three-letter code.
    package var code: String {
        String(decoding: codeBytes, as: UTF8.self)
    }

    /// The code's three ASCII bytes.
    package var codeBytes: [UInt8] {
        [
            UInt8(truncatingIfNeeded: packedCode >> 16), UInt8(truncatingIfNeeded: packedCode >> 8),
            UInt8(truncatingIfNeeded: packedCode),
        ]
    }

    /// The code, for messages.
    package var description: String { code }

    /// Orders currencies by code, so reports list them alphabetically.
    package static func < (lhs: Currency, rhs: Currency) -> Bool {
        lhs.packedCode < rhs.packedCode
    }

    /// 10 to the power of the exponent: minor units per major unit.
    package var minorUnitsPerMajor: Int64 {
        var result: Int64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// Exponent + 1 for every three-letter code (index: letters in base 26), 0 when unknown.
    private static let exponentTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 26 * 26 * 26)
        for (packed, exponent) in knownExponents {
            let letters = [packed >> 16, packed >> 8, packed].map {
                Int($0 & 0xFF) - Int(UInt8(ascii: "A"))
            }
            table[(letters[0] * 26 + letters[1]) * 26 + letters[2]] = exponent + 1
        }
        return table
    }()

    /// ISO 4217 codes in current use, keyed by packed code, with their exponents.
    package static let knownExponents: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        let groups: [(UInt8, String)] = [
            (0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"),
            (3, "BHD IQD JOD KWD LYD OMR TND"),
            (4, "CLF UYW"),
            (
                2,
                """
                AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN \
                BWP BYN BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD \
                FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR \
                KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN \
                MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD \
                SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD \
                TZS UAH USD UYU UZS VES XCD XCG YER ZAR ZMW ZWG
                """
            ),
        ]
        for (exponent, codes) in groups {
            for code in codes.split(separator: " ") {
                let packed = code.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                table[packed] = exponent
            }
        }
        return table
    }()
}
