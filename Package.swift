// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "maturity",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "maturity", targets: ["maturity"]),
        .library(name: "MaturityCore", targets: ["MaturityCore"]),
        .library(name: "MaturityReports", targets: ["MaturityReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit", exact: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", exact: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", exact: "2.17.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        .target(
            name: "MaturityCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // SpreadsheetML (xlsx) written and read, small and strict; the zip container through ZIPFoundation.
        .target(
            name: "MaturitySheets",
            dependencies: ["MaturityCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "MaturityReports",
            dependencies: ["MaturityCore", "MaturitySheets"]
        ),
        .target(
            name: "MaturityStore",
            dependencies: [
                "MaturityCore",
                "CSQLiteSettings",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MaturityServer",
            dependencies: [
                "MaturityCore",
                "MaturityReports",
                "MaturityStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "MaturityCLI",
            dependencies: [
                "MaturityCore",
                "MaturityReports",
                "MaturityServer",
                "MaturityStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "maturity",
            dependencies: ["MaturityCLI"]
        ),
        // Fuzz targets: Tests/Fuzz/run.sh builds them with libFuzzer; swift test replays what they found.
        .target(
            name: "MaturityFuzzing",
            dependencies: [
                "MaturityCore", "MaturityReports", "MaturitySheets",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "CFuzzDriver"),
        .target(name: "CSQLiteSettings"),
        .executableTarget(
            name: "maturity-fuzz",
            dependencies: ["MaturityFuzzing", "CFuzzDriver"]
        ),
        .testTarget(
            name: "MaturityCoreTests",
            dependencies: ["MaturityCore", "MaturityFuzzing"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "MaturityReportsTests",
            dependencies: ["MaturityCore", "MaturityReports"],
            exclude: ["Snapshots"]
        ),
        .target(
            name: "MaturityStoreTesting",
            dependencies: ["MaturityStore", .product(name: "PostgresKit", package: "postgres-kit")],
            path: "Tests/MaturityStoreTesting"
        ),
        .testTarget(
            name: "MaturityStoreTests",
            dependencies: ["MaturityStore", "MaturityStoreTesting", "MaturityCore"]
        ),
        .testTarget(
            name: "MaturityServerTests",
            dependencies: [
                "MaturityServer", "MaturityStore", "MaturityStoreTesting", "MaturityCore", "MaturityReports",
                "MaturitySheets", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "MaturityCLITests",
            dependencies: [
                "MaturityCLI", "MaturityCore", "MaturitySheets", "MaturityStore", "MaturityStoreTesting",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "MaturitySheetsTests",
            dependencies: ["MaturitySheets", "MaturityCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
