// swift-tools-version:6.0
import PackageDescription

// Foundation only: no package dependencies, in the product or in the tests.
let package = Package(
    name: "pathc",
    products: [
        .executable(name: "pathc", targets: ["pathc"]),
        .library(name: "PathcCore", targets: ["PathcCore"]),
    ],
    targets: [
        // The compiler: source text, parser, diagnostics (and, later, schemas, model, rules, emitters).
        .target(name: "PathcCore"),
        // The command line: a thin layer over PathcCore.
        .executableTarget(name: "pathc", dependencies: ["PathcCore"]),
        // Release-mode benchmarks driven by bench/ scripts.
        .executableTarget(name: "pathc-bench", dependencies: ["PathcCore"]),
        .testTarget(name: "PathcCoreTests", dependencies: ["PathcCore"], exclude: ["Fixtures"]),
        .testTarget(name: "PathcCLITests", dependencies: ["pathc"], exclude: ["Fixtures"]),
    ]
)
