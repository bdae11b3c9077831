extension JSONParser {
    /// Parses a number, keeping its text and computing an exact `Int64` for in-range integers.
    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        let negative = input[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < input.count, isDigit(input[index]) else {
            throw failure("expected a digit")
        }
        var magnitude: UInt64 = 0
        var overflow = false
        if input[index] == UInt8(ascii: "0") {
            index += 1
            if index < input.count, isDigit(input[index]) {
                throw failure("leading zero in number")
            }
        } else {
            while index < input.count, isDigit(input[index]) {
                let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(
                    UInt64(input[index] &- UInt8(ascii: "0"))
                )
                magnitude = sum
                overflow = overflow || overflow1 || overflow2
                index += 1
            }
        }
        let isInteger = try parseFractionAndExponent()
        let text = String(
            decoding: UnsafeBufferPointer(rebasing: input[start..<index]),
            as: UTF8.self
        )
        var exact: Int64?
        if isInteger, !overflow {
            if negative {
                if magnitude <= UInt64(Int64.max) + 1 { exact = Int64(bitPattern: 0 &- magnitude) }
            } else if magnitude <= UInt64(Int64.max) {
                exact = Int64(magnitude)
            }
        }
        return JSONNumber(validatedText: text, int64: exact)
    }

    /// Parses an optional fraction and exponent; returns whether there was neither.
    mutating func parseFractionAndExponent() throws(JSONParseError) -> Bool {
        var isInteger = true
        if index < input.count, input[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            try parseDigits(after: "'.'")
        }
        if index < input.count, input[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < input.count,
                input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-")
            {
                index += 1
            }
            try parseDigits(after: "exponent")
        }
        return isInteger
    }

    /// Consumes one or more digits.
    mutating func parseDigits(after context: String) throws(JSONParseError) {
        guard index < input.count, isDigit(input[index]) else {
            throw failure("expected a digit after \(context)")
        }
        while index < input.count, isDigit(input[index]) {
            index += 1
        }
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
