// swift-tools-version: 6.2
import PackageDescription

/// Settings every target shares: Swift 6 mode plus the upcoming features STYLE.md requires.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "accrue",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "accrued", targets: ["accrued"]),
        .executable(name: "accrue", targets: ["accrue"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(
            url: "https://github.com/swift-server/swift-service-lifecycle.git",
            from: "2.13.0"
        ),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        .target(
            name: "MemoryAllocator",
            dependencies: ["CJemalloc"],
            swiftSettings: strictSettings
        ),
        .target(name: "CPeerCredentials"),
        .target(
            name: "CSHA256",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Ledger", swiftSettings: strictSettings),
        .target(
            name: "LedgerStorage",
            dependencies: ["CSHA256", "CLMDB", "Ledger"],
            swiftSettings: strictSettings
        ),
        .target(name: "LedgerWire", dependencies: ["Ledger"], swiftSettings: strictSettings),
        .target(
            name: "LedgerServer",
            dependencies: [
                "CPeerCredentials",
                "Ledger",
                "LedgerStorage",
                "LedgerWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "accrued",
            dependencies: [
                "LedgerServer",
                "MemoryAllocator",
                "LedgerStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "accrue",
            dependencies: [
                "Ledger",
                "LedgerStorage",
                "LedgerServer",
                "LedgerWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "accrue-bench",
            dependencies: ["Ledger", "LedgerStorage", "LedgerWire"],
            path: "Benchmarks/accrue-bench",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger"], swiftSettings: strictSettings),
        .testTarget(
            name: "MemoryAllocatorTests",
            dependencies: ["MemoryAllocator"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LedgerStorageTests",
            dependencies: [
                "Ledger",
                "LedgerStorage",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LedgerWireTests",
            dependencies: ["Ledger", "LedgerWire"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LedgerServerTests",
            dependencies: ["Ledger", "LedgerServer", "LedgerStorage", "LedgerWire"],
            swiftSettings: strictSettings
        ),
    ]
)
