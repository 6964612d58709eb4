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
        .target(
            name: "MaturityReports",
            dependencies: ["MaturityCore"]
        ),
        .target(
            name: "MaturityCLI",
            dependencies: [
                "MaturityCore",
                "MaturityReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "maturity",
            dependencies: ["MaturityCLI"]
        ),
        // Fuzz targets: Tests/Fuzz/run.sh builds them with libFuzzer; swift test replays what they found.
        .target(
            name: "MaturityFuzzing",
            dependencies: ["MaturityCore", "MaturityReports"]
        ),
        .target(name: "CFuzzDriver"),
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
        .testTarget(
            name: "MaturityCLITests",
            dependencies: ["MaturityCLI", "MaturityCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
