import Testing

@testable import LedgerWire

struct LineFramerTests {
    func drain(_ framer: inout LineFramer) -> [LineFramer.Outcome] {
        var outcomes: [LineFramer.Outcome] = []
        while let outcome = framer.next() { outcomes.append(outcome) }
        return outcomes
    }

    func line(_ text: String) -> LineFramer.Outcome {
        .line(Array(text.utf8))
    }

    @Test func splitsLinesAndStripsCRLF() {
        var framer = LineFramer()
        framer.append(Array("a\nbb\r\n\nc\r".utf8))
        #expect(drain(&framer) == [line("a"), line("bb"), line("")])
        framer.append(Array("\n".utf8))
        #expect(drain(&framer) == [line("c")])
        #expect(framer.pendingByteCount == 0)
    }

    @Test func reassemblesLinesAcrossEveryChunkBoundary() {
        let stream = Array("{\"a\":1}\r\nsecond line\nthird é😀\n".utf8)
        for chunkSize in 1...stream.count {
            var framer = LineFramer()
            var outcomes: [LineFramer.Outcome] = []
            var offset = 0
            while offset < stream.count {
                let end = min(offset + chunkSize, stream.count)
                stream[offset..<end].withUnsafeBytes { framer.append($0) }
                outcomes += drain(&framer)
                offset = end
            }
            #expect(
                outcomes == [line("{\"a\":1}"), line("second line"), line("third é😀")],
                "chunk \(chunkSize)"
            )
        }
    }

    @Test func acceptsALineOfExactlyTheLimit() {
        var framer = LineFramer(maxLineBytes: 8)
        framer.append(Array("12345678\r\n12345678\n".utf8))
        #expect(drain(&framer) == [line("12345678"), line("12345678")])
    }

    @Test func reportsAnOverlongLineOnceAndResumesAfterIt() {
        var framer = LineFramer(maxLineBytes: 8)
        framer.append(Array("ok\n123456789".utf8))
        #expect(drain(&framer) == [line("ok")])
        framer.append(Array("0".utf8))
        #expect(drain(&framer) == [.tooLong])
        framer.append(Array(repeating: UInt8(ascii: "x"), count: 100))
        #expect(drain(&framer) == [])
        #expect(framer.pendingByteCount == 0)
        framer.append(Array("xx\nnext\n".utf8))
        #expect(drain(&framer) == [line("next")])
    }

    @Test func reportsAnOverlongLineThatArrivesWhole() {
        var framer = LineFramer(maxLineBytes: 4)
        framer.append(Array("12345\nabc\n".utf8))
        #expect(drain(&framer) == [.tooLong, line("abc")])
    }

    @Test func reportsAOneMebibyteLineAsTooLongWithoutBufferingItAll() {
        var framer = LineFramer()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024)
        var outcomes: [LineFramer.Outcome] = []
        for _ in 0..<40 {
            framer.append(chunk)
            outcomes += drain(&framer)
            #expect(framer.pendingByteCount <= LineFramer.defaultMaxLineBytes + chunk.count)
        }
        #expect(outcomes == [.tooLong])
    }

    @Test func finishReturnsTheUnterminatedLastLine() {
        var framer = LineFramer()
        framer.append(Array("a\nlast\r".utf8))
        #expect(drain(&framer) == [line("a")])
        #expect(framer.finish() == line("last"))
        #expect(framer.finish() == nil)
    }

    @Test func compactsAfterManyLines() {
        var framer = LineFramer()
        let message = Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ledger.head\"}\n".utf8)
        var count = 0
        for _ in 0..<1000 {
            framer.append(message + message.prefix(10))
            count += drain(&framer).count
            framer.append(message.dropFirst(10))
            count += drain(&framer).count
        }
        #expect(count == 2000)
        #expect(framer.buffer.count < 10 * message.count)
    }
}
