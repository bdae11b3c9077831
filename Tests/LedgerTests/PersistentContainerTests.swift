import Ledger
import Testing

/// Structural sharing: copies are independent values that share untouched storage.
struct PersistentContainerTests {
    @Test func mutatingACopyOfAChunkedVectorLeavesTheOriginalUnchanged() {
        var original = ChunkedVector<Int>()
        for value in 0..<1000 { original.append(value) }
        var copy = original
        copy[500] = -1
        copy.update(at: 3) { $0 = -3 }
        copy.append(1000)
        #expect(original[500] == 500)
        #expect(original[3] == 3)
        #expect(original.count == 1000)
        #expect(copy[500] == -1)
        #expect(copy[3] == -3)
        #expect(copy.count == 1001)
        var sum = 0
        original.forEach { sum += $0.pointee }
        #expect(sum == 499_500)
    }

    @Test func mutatingACopyOfAShardedMapLeavesTheOriginalUnchanged() {
        var original = ShardedMap<String, Int>()
        for value in 0..<1000 { original["k\(value)"] = value }
        var copy = original
        copy["k1"] = -1
        copy["k2"] = nil
        copy["new"] = 7
        #expect(original["k1"] == 1)
        #expect(original["k2"] == 2)
        #expect(original["new"] == nil)
        #expect(original.count == 1000)
        #expect(copy["k1"] == -1)
        #expect(copy["k2"] == nil)
        #expect(copy.count == 1000)
        #expect(copy != original)
    }

    @Test func aCopiedStateEvolvesIndependently() throws {
        var ledger = TestLedger()
        ledger.runAll([
            register("C"), issue("I", "C", eur("10.00"), issued: "2026-01-01", due: "2026-01-31"),
        ])
        let published = ledger.state
        try ledger.run(pay("P", "C", eur("10.00"), on: "2026-01-05"))
        #expect(published.invoice(InvoiceID(validated: "I"))?.openAtHead == 1000)
        #expect(ledger.state.invoice(InvoiceID(validated: "I"))?.openAtHead == 0)
        #expect(published.payment(PaymentID(validated: "P")) == nil)
    }
}
