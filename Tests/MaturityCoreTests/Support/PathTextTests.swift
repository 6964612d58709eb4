import Testing

@testable import MaturityCore

/// The folder of a path read by bytes (ASCII paths) is the folder read by characters.
@Suite struct PathTextTests {
    @Test(arguments: [
        ("a/b", "a"), ("b", ""), ("/b", "/"), ("b/", ""), (".", ""), ("", ""), ("//a//b//", "//a"),
        ("/a/b/c.yaml", "/a/b"), ("a//b", "a"), ("///", "/"), ("/", "/"),
    ])
    func theFolderOfAPath(_ path: String, _ folder: String) {
        #expect(PathText.folder(of: path) == folder, "\(path)")
    }

    @Test func anASCIIPathsFolderByBytesIsItsFolderByCharacters() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["/", "/", "a", "b.c", ".", "..", " ", "\r\n", "\t"]
        for _ in 0..<5000 {
            let path = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let fast = try #require(PathText.asciiFolder(of: path))
            #expect(fast == PathText.folderByCharacters(of: path), "\(path.debugDescription)")
        }
        // Anything beyond ASCII is read by characters: a combining mark after "/" is part of its character.
        #expect(PathText.asciiFolder(of: "a/\u{301}b") == nil)
        #expect(PathText.folder(of: "a/\u{301}b") == "")
        #expect(PathText.folder(of: "报告/季度/一.pdf") == "报告/季度")
    }
}
