import Ledger
import LedgerWire

/// Decodes `params` (JSON text) like the daemon: the method's decoder, then `finish()`.
func decodeCommand(
    _ method: String,
    _ params: String,
    currencies: CurrencyLookup = .none
) throws -> Command {
    var reader = try ParamReader(try JSONParser.parse(Array(params.utf8)))
    let command = try CommandDecoding.decode(method: method, &reader, currencies: currencies)
    try reader.finish()
    return command
}

/// The decoded commands of a `ledger.transact` params text.
func decodeTransaction(_ params: String, currencies: CurrencyLookup = .none) throws -> [Command] {
    var reader = try ParamReader(try JSONParser.parse(Array(params.utf8)))
    let commands = try CommandDecoding.decodeTransaction(&reader, currencies: currencies)
    try reader.finish()
    return commands
}

/// The error decoding `params` for `method` throws; nil if it decodes.
func decodingError(
    _ method: String,
    _ params: String,
    currencies: CurrencyLookup = .none
) throws -> RPCError? {
    do {
        if method == CommandDecoding.transactMethod {
            _ = try decodeTransaction(params, currencies: currencies)
        } else {
            _ = try decodeCommand(method, params, currencies: currencies)
        }
        return nil
    } catch let error as RPCError {
        return error
    }
}

/// Test values.
enum Fixture {
    static let eur = currency("EUR")
    static let jpy = currency("JPY")

    static func currency(_ code: String) -> Currency {
        guard let currency = Currency(code: code) else { preconditionFailure("unknown \(code)") }
        return currency
    }

    static func money(_ minorUnits: Int64, _ currency: Currency = eur) -> Money {
        Money(minorUnits: minorUnits, currency: currency)
    }

    static func date(_ text: String) -> LedgerDate {
        guard let date = LedgerDate(parsing: text) else { preconditionFailure("bad date \(text)") }
        return date
    }

    static func id<ID: LedgerIdentifier>(_ text: String) -> ID {
        ID(validated: text)
    }
}
