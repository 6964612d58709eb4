import Foundation
import MaturityCore
import Testing

/// The engine API with every input held in memory — catalog, assessment, evidence, ticket export — gives
/// exactly what the command line gives on the same folders: what a server feeding stored uploads relies on.
@Suite struct EngineInMemoryTests {
    /// Every file under `folders`, read into memory at the same absolute paths.
    static func memory(_ folders: [String]) throws -> MemoryFiles {
        var files: [String: Data] = [:]
        for folder in folders {
            let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
            while let relative = enumerator.nextObject() as? String {
                let path = folder + "/" + relative
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = try Data(contentsOf: URL(fileURLWithPath: path))
                }
            }
        }
        return MemoryFiles(files)
    }

    static let root = CLI.projectRoot

    static func engine(for example: String) throws -> Engine {
        let files = try memory([root + "/Examples/" + example, root + "/Criteria/after-sales-maturity"])
        return Engine(files: files, catalogFolders: [root + "/Criteria"])
    }

    @Test(arguments: ["huadong-appliance", "huadong-appliance-audit", "anmai-equipment", "meichu-small-appliances"])
    func resultJSONFromMemoryIsTheCommandLines(example: String) throws {
        let engine = try Self.engine(for: example)
        let shown = "Examples/\(example)/assessment.yaml"
        let loaded = try engine.loadAssessment(InputPath(Self.root + "/" + shown, shown: shown))
        let result = try engine.score(loaded)
        let seal = try engine.seal(loaded, result: result, resultFolder: Self.root)
        let json = engine.resultJSON(loaded, result: result, seal: seal)

        let cli = CLI.run(["assess", shown, "--format", "json"])
        #expect(cli.status == 0)
        #expect(json == cli.stdout)
        if example == "huadong-appliance-audit" {
            #expect(seal.signOff != nil, "the audit is signed from memory as on disk")
        }
        if example == "anmai-equipment" {
            #expect(loaded.kpis.contains { if case .tickets = $0.source { true } else { false } })
        }
    }

    @Test func aFileMissingFromMemoryIsReportedWhereTheAssessmentNamesIt() throws {
        var files = try Self.memory([
            Self.root + "/Examples/huadong-appliance", Self.root + "/Criteria/after-sales-maturity",
        ]).files
        let evidence = try #require(files.keys.sorted().first { $0.contains("/evidence/") })
        files[evidence] = nil
        let engine = Engine(files: MemoryFiles(files), catalogFolders: [Self.root + "/Criteria"])
        let path = Self.root + "/Examples/huadong-appliance/assessment.yaml"
        #expect {
            _ = try engine.loadAssessment(InputPath(path, shown: "assessment.yaml"))
        } throws: { error in
            guard let error = error as? DiagnosticError else { return false }
            return error.diagnostics.contains {
                $0.message.contains("does not exist") && $0.location?.file == "assessment.yaml"
            }
        }
    }

    @Test func anUnknownTargetIsAnErrorForALibraryCaller() throws {
        let engine = try Self.engine(for: "huadong-appliance")
        let shown = "Examples/huadong-appliance/assessment.yaml"
        let loaded = try engine.loadAssessment(InputPath(Self.root + "/" + shown, shown: shown))
        #expect(throws: TargetError.self) { _ = try engine.score(loaded, target: "excelent") }
        let error = try #require(throws: TargetError.self) { _ = try engine.score(loaded, target: "excelent") }
        #expect(error.hint == "did you mean 'excellent'?")
        #expect(try engine.score(loaded, target: "fail").target == "fail")
    }

    @Test func memoryFilesResolvePathsWithoutADisk() {
        let files = MemoryFiles(["a/b/c.yaml": Data("x".utf8), "/a/d.pdf": Data()])
        #expect(files.kind("/a") == .folder)
        #expect(files.kind("/a/b/../b/c.yaml") == .regular(size: 1))
        #expect(files.kind("/a/x") == .missing)
        #expect((try? files.names(inFolder: "/a"))?.sorted() == ["b", "d.pdf"])
        #expect(files.realPath("/a/b/../../a/d.pdf") == "/a/d.pdf")
        #expect(files.diskPath("/a/d.pdf") == nil)
        #expect(MemoryFiles.normalise("../../etc/passwd") == "/etc/passwd")
    }
}
