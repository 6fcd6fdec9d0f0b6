// swift-tools-version:6.0
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "incident",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "incident", targets: ["incident"]),
        .library(name: "IncidentKit", targets: ["IncidentKit"]),
    ],
    targets: [
        .target(name: "IncidentKit", swiftSettings: strictness),
        .executableTarget(name: "incident", dependencies: ["IncidentKit"], swiftSettings: strictness),
        .executableTarget(
            name: "incident-eval", dependencies: ["IncidentKit"], path: "Sources/incident-eval",
            swiftSettings: strictness
        ),
        .executableTarget(name: "incident-bench", dependencies: ["IncidentKit"], swiftSettings: strictness),
        .testTarget(
            name: "IncidentKitTests", dependencies: ["IncidentKit"], exclude: ["Fixtures"], swiftSettings: strictness),
    ],
    swiftLanguageModes: [.v6]
)
