import CFuzzDriver
import Foundation
import MaturityFuzzing

// Built with libFuzzer (Tests/Fuzz/run.sh: -sanitize=fuzzer -DFUZZING), this program hands its arguments
// to libFuzzer, which drives the target named by MATURITY_FUZZ_TARGET. Built plainly, it replays files:
// `maturity-fuzz TARGET FILE...`, each of which must run to the end without a crash.

#if FUZZING
    nonisolated(unsafe) let fuzzTarget: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["MATURITY_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("set MATURITY_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue))")
        }
        return target
    }()

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        fuzzTarget.run(Data(bytes: data!, count: size))
        return 0
    }

    // SwiftPM links an executable's entry point under this name; it hands over to libFuzzer.
    @_cdecl("maturity_fuzz_main")
    func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        var count = argc
        var arguments = argv
        _ = fuzzTarget
        return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
    }
#else
    @main struct FuzzReplay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                FileHandle.standardError.write(
                    Data(
                        "usage: maturity-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE...\n"
                            .utf8))
                exit(64)
            }
            for file in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                    exit(1)
                }
                target.run(data)
            }
            print("\(arguments.count - 1) inputs ran")
        }
    }
#endif
