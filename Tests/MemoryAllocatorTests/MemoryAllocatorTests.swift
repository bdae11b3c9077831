import Testing

@testable import MemoryAllocator

/// A program that links ``MemoryAllocator`` allocates through jemalloc, Swift's own objects
/// included.
struct MemoryAllocatorTests {
    @Test func theProgramRunsOnJemalloc() throws {
        let version = try #require(MemoryAllocator.version)
        #expect(version.hasPrefix("5."))
        #expect(MemoryAllocator.description == "jemalloc \(version.prefix { $0 != "-" })")
    }

    @Test func swiftArraysAreAllocatedByJemalloc() throws {
        let before = try #require(MemoryAllocator.allocatedBytes)
        let bytes = 64 << 20
        let buffer = [UInt8](repeating: 7, count: bytes)
        let during = try #require(MemoryAllocator.allocatedBytes)
        #expect(during - before >= bytes)
        #expect(buffer[bytes - 1] == 7)
    }
}
