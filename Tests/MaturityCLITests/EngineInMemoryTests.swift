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

    /// A path already clean is returned as it is; any other is resolved, and resolving again changes nothing.
    @Test(arguments: [
        ("/", "/"), ("/a/b.yaml", "/a/b.yaml"), ("/a.b/..c/...", "/a.b/..c/..."), ("/.hidden", "/.hidden"),
        ("", "/"), ("a/b", "/a/b"), ("//a", "/a"), ("/a//b", "/a/b"), ("/a/", "/a"), ("/a/./b", "/a/b"),
        ("/a/../b", "/b"), ("/a/..", "/"), ("/a/.", "/a"), ("/..", "/"), ("/.", "/"), ("/证据/记录.pdf", "/证据/记录.pdf"),
    ])
    func pathsAreNormalisedOnce(path: String, clean: String) {
        #expect(MemoryFiles.normalise(path) == clean)
        #expect(MemoryFiles.normalise(clean) == clean)
    }

    /// The audit example and the shipped catalog in memory, the catalog's domain files moved into
    /// `domains/` (so that `domains:` names files in a sub-folder), with the signed result at `/audit/r.json`.
    static func signedAuditInMemory() throws -> (files: [String: Data], engine: Engine) {
        let catalogFolder = root + "/Criteria/after-sales-maturity"
        var files: [String: Data] = [:]
        for (path, data) in try memory([root + "/Examples/huadong-appliance-audit", catalogFolder]).files {
            if path.hasPrefix(root + "/Examples/huadong-appliance-audit/") {
                files["/audit/" + path.dropFirst((root + "/Examples/huadong-appliance-audit/").count)] = data
            } else if path.hasSuffix("/catalog.yaml") {
                let text = String(decoding: data, as: UTF8.self)
                let moved = text.replacingOccurrences(
                    of: #"(?m)^  - ([a-z-]+\.yaml)$"#, with: "  - domains/$1", options: .regularExpression)
                #expect(moved != text)
                files["/cat/catalog.yaml"] = Data(moved.utf8)
            } else if path.hasSuffix(".yaml") {
                files["/cat/domains/" + path.dropFirst(catalogFolder.count + 1)] = data
            }
        }
        try sign(&files)
        return (files, Engine(files: MemoryFiles(files)))
    }

    /// Scores `/audit/assessment.yaml` against the catalog `/cat` held in `files` and adds the signed
    /// result as `/audit/r.json`.
    static func sign(_ files: inout [String: Data]) throws {
        let engine = Engine(files: MemoryFiles(files))
        let loaded = try engine.loadAssessment(
            InputPath("/audit/assessment.yaml", shown: "assessment.yaml"), catalog: InputPath("/cat"))
        let result = try engine.score(loaded)
        let seal = try engine.seal(loaded, result: result, resultFolder: "/audit")
        files["/audit/r.json"] = Data(engine.resultJSON(loaded, result: result, seal: seal).utf8)
    }

    @Test func aSignedAuditInMemorySealsTheDomainFilesInASubFolder() throws {
        var (files, engine) = try Self.signedAuditInMemory()
        let before = try engine.verify(InputPath("/audit/r.json"), currentFolder: "/")
        #expect(before.verified, "\(before.diagnostics)")
        let sealed = before.signOff.parts.filter { $0.role == .catalog }.map(\.path)
        #expect(sealed.contains("catalog.yaml") && sealed.contains("domains/service-process.yaml"))
        #expect(sealed.count == 6)

        let domain = String(decoding: try #require(files["/cat/domains/staff-skills.yaml"]), as: UTF8.self)
        files["/cat/domains/staff-skills.yaml"] = Data((domain + "\n# edited\n").utf8)
        let changed = try Engine(files: MemoryFiles(files)).verify(InputPath("/audit/r.json"), currentFolder: "/")
        let (verified, checks) = (changed.verified, changed.files)
        #expect(!verified)
        #expect(
            checks.contains {
                if case .changed = $0.status { $0.part.path == "domains/staff-skills.yaml" } else { false }
            })
    }

    @Test func aFileTheCatalogReadsAfterSignOffFailsVerificationEvenWhenItBreaksTheCatalog() throws {
        var (files, _) = try Self.signedAuditInMemory()
        // Without `domains:`, a catalog folder reads every YAML file beside catalog.yaml; sign it that way.
        let catalog = String(decoding: try #require(files["/cat/catalog.yaml"]), as: UTF8.self)
        files["/cat/catalog.yaml"] = Data(try #require(catalog.components(separatedBy: "\ndomains:").first).utf8)
        for (path, data) in files where path.hasPrefix("/cat/domains/") {
            files[path] = nil
            files["/cat/" + path.dropFirst("/cat/domains/".count)] = data
        }
        try Self.sign(&files)
        #expect(try Engine(files: MemoryFiles(files)).verify(InputPath("/audit/r.json"), currentFolder: "/").verified)

        // A file added later is read by the catalog: it is not signed, whether it loads or breaks the catalog.
        for extra in ["id: extra\nname: Extra\nweight: 50\ncriteria: []\n", "id: extra\nname: [unclosed\n"] {
            files["/cat/zz-extra.yaml"] = Data(extra.utf8)
            let verification = try Engine(files: MemoryFiles(files)).verify(
                InputPath("/audit/r.json"), currentFolder: "/")
            let (verified, checks) = (verification.verified, verification.files)
            #expect(!verified)
            #expect(checks.contains { $0.status == .notSigned && $0.part.path == "zz-extra.yaml" })
            #expect(
                verification.diagnostics.contains {
                    $0.message == "catalog file 'zz-extra.yaml' is read by the catalog now but was not signed"
                })
        }
    }
}
