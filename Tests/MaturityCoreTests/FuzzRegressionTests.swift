import Foundation
import MaturityFuzzing
import Testing

/// Every input the fuzzers found interesting (Tests/Fuzz/Regressions) and every seed, replayed through
/// its target: each must end with a value or a diagnostic, never a crash or a broken invariant.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    struct Input: CustomTestStringConvertible, Sendable {
        var target: FuzzTarget
        var path: String
        var testDescription: String { "\(target.rawValue)/\((path as NSString).lastPathComponent)" }
    }

    static let inputs: [Input] = ["Seeds", "Regressions"].flatMap { folder in
        FuzzTarget.allCases.flatMap { target -> [Input] in
            let directory = root.appendingPathComponent(folder).appendingPathComponent(target.rawValue).path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            return names.sorted().map { Input(target: target, path: directory + "/" + $0) }
        }
    }

    @Test func everyTargetHasSeeds() {
        for target in FuzzTarget.allCases {
            #expect(Self.inputs.contains { $0.target == target }, "no seed for \(target.rawValue)")
        }
    }

    @Test(arguments: inputs)
    func replays(input: Input) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: input.path))
        // Ends normally (the target traps on a broken invariant); a refusal says why.
        let outcome = input.target.run(data)
        let name = (input.path as NSString).lastPathComponent
        if name.hasPrefix("valid-") { #expect(outcome == .accepted) }
        if name.hasPrefix("invalid-") { #expect(outcome != .accepted) }
        if case .rejected(let errors) = outcome { #expect(errors > 0) }
    }
}
