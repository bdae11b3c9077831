import Ledger
import Testing

@testable import LedgerWire

struct ParamReaderMoneyTests {
    func reader(_ json: String) throws -> ParamReader {
        try ParamReader(try JSONParser.parse(json))
    }

    @Test func readsMoneyInTheCurrencysExponent() throws {
        var params = try reader(#"{"currency":"EUR","amount":"125.5","fee":"3"}"#)
        let currency = try params.currency("currency")
        #expect(try params.money("amount", currency: currency).minorUnits == 12_550)
        #expect(try params.optionalMoney("fee", currency: currency)?.minorUnits == 300)
        try params.finish()
    }

    @Test(arguments: [
        (#""125.505""#, "EUR"), (#""1.5""#, "JPY"), (#""99999999999999999""#, "EUR"),
        (#"5"#, "EUR"),
    ])
    func refusesOverPreciseOrHugeAmounts(amount: String, code: String) throws {
        var params = try reader(#"{"lines":[{"amount":\#(amount)}]}"#)
        let currency = try #require(Currency(code: code))
        do {
            var line = try #require(try params.objects("lines").first)
            _ = try line.money("amount", currency: currency)
            Issue.record("accepted \(amount) \(code)")
        } catch let error as RPCError {
            #expect(error.reason == "invalid_amount")
            #expect(error.field == "lines[0].amount")
        }
    }

    @Test func refusesUnknownCurrencies() throws {
        for json in [#"{"currency":"EURO"}"#, #"{"currency":978}"#, #"{"currency":"eur"}"#] {
            var params = try reader(json)
            #expect(throws: RPCError.self, "\(json)") { try params.currency("currency") }
        }
    }
}
