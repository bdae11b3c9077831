import Ledger
@testable import LedgerWire

/// Builds random JSON values for round-trip properties.
struct RandomJSON {
    var generator: SplitMix64

    /// Characters that stress escaping: quotes, backslashes, controls, non-ASCII, astral.
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{C}",
        "\u{D}", "\u{1F}", "\u{7F}", "é", "\u{301}", "€", "\u{2028}", "\u{FFFF}", "😀", "\u{10FFFF}",
    ]

    mutating func string() -> String {
        let length = Int.random(in: 0...12, using: &generator)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            if let scalar = Self.alphabet.randomElement(using: &generator) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    mutating func number() -> JSONNumber {
        switch Int.random(in: 0...3, using: &generator) {
        case 0: return JSONNumber(Int64.random(in: .min ... .max, using: &generator))
        case 1: return JSONNumber(Int64.random(in: -1000...1000, using: &generator))
        default:
            let whole = Int.random(in: -999...999, using: &generator)
            let fraction = Int.random(in: 0...99, using: &generator)
            let exponent = Int.random(in: 0...400, using: &generator)
            let text = "\(whole).\(fraction)e-\(exponent)"
            guard case .number(let number) = try? JSONParser.parse(text) else {
                return JSONNumber(0)
            }
            return number
        }
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        let choice = Int.random(in: 0...(depth < 4 ? 6 : 4), using: &generator)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .number(number())
        case 3, 4: return .string(string())
        case 5:
            let count = Int.random(in: 0...5, using: &generator)
            return .array((0..<count).map { _ in value(depth: depth + 1) })
        default:
            var members: [JSONMember] = []
            var keys: Set<[UInt8]> = []
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                let key = string()
                if keys.insert(Array(key.utf8)).inserted {
                    members.append(JSONMember(key, value(depth: depth + 1)))
                }
            }
            return .object(members)
        }
    }
}
