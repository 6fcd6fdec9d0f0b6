import Foundation
import Testing

@testable import IncidentKit

@Suite struct FileSystemTests {
    /// A file is read whole whatever its size, straight into an array of that size.
    @Test(arguments: [0, 1, 4095, 4096, 65_536, 65_537, 300_001])
    func readsEveryByteOfAFile(size: Int) throws {
        let path = Scratch.path("read")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var generator = SeededGenerator(seed: UInt64(size + 1))
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(FileSystem.writeAtomically(bytes, to: path))
        #expect(FileSystem.read(path) == bytes)
    }

    /// A file longer than its size said when it was opened (here a /proc file, which says 0) is read to
    /// its end, not cut at that size.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
    func readsPastTheSizeAFileClaimed() throws {
        let status = try #require(FileSystem.read("/proc/self/status"))
        #expect(status.count > 100)
        #expect(String(decoding: status, as: UTF8.self).contains("\nPid:"))
        #expect(FileSystem.read("/proc/self") == nil, "a folder is not read")
        #expect(FileSystem.read("/nonexistent/file") == nil)
    }

    /// Reading into a reused buffer (the search over thousands of runbooks): each file whole, a large
    /// one after a small one and a small one after a large one, and a file that says it is empty.
    @Test func readsIntoAReusedBuffer() throws {
        var buffer: [UInt8] = []
        var generator = SeededGenerator(seed: 7)
        for size in [10, 300_001, 3, 0, 70_000] {
            let path = Scratch.path("read-into")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(FileSystem.writeAtomically(bytes, to: path))
            let count = try #require(FileSystem.read(path, into: &buffer))
            #expect(Array(buffer[..<count]) == bytes)
        }
        if FileManager.default.fileExists(atPath: "/proc/self/status") {
            let count = try #require(FileSystem.read("/proc/self/status", into: &buffer))
            #expect(String(decoding: buffer[..<count], as: UTF8.self).contains("\nPid:"))
        }
        #expect(FileSystem.read("/nonexistent/file", into: &buffer) == nil)
        #expect(FileSystem.read("/tmp", into: &buffer) == nil, "a folder is not read")
    }

    /// The walk, shared among the cores once there are enough folders, lists what a walk of one folder
    /// after another lists: files whose names end in the suffix in any case, through links to files, not
    /// through links to folders, hidden entries, or past 32 folders deep; a link to nothing and a FIFO are
    /// left out, and listed as such.
    @Test func listsEveryFileOfAManyFolderedTree() throws {
        let root = try Scratch.folder("walk")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        var expected: [String] = []
        func make(_ path: String, listed: Bool) throws {
            let full = root + "/" + path
            try manager.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(manager.createFile(atPath: full, contents: Data("# \(path)\n".utf8)))
            if listed { expected.append(path) }
        }
        for team in 0..<40 {
            let folder = "team\(team)/alerts/sub\(team % 3)"
            try make("\(folder)/Alert\(team).md", listed: true)
            try make("\(folder)/UPPER\(team).MD", listed: true)
            try make("\(folder)/notes\(team).txt", listed: false)
            try make("\(folder)/.hidden\(team).md", listed: false)
            try make("team\(team)/.git/config.md", listed: false)
            try make("team\(team)/Écran \(team).Md", listed: true)
        }
        try make("top.md", listed: true)
        try manager.createSymbolicLink(atPath: root + "/team0/linked.md", withDestinationPath: root + "/top.md")
        expected.append("team0/linked.md")
        try manager.createSymbolicLink(atPath: root + "/team1/loop", withDestinationPath: root)
        try manager.createSymbolicLink(atPath: root + "/team2/gone.md", withDestinationPath: root + "/nowhere.md")
        // A chain of folders deeper than the walk goes.
        let chain = (0..<35).map { _ in "d" }
        for depth in 0..<35 {
            try make((chain.prefix(depth) + ["level\(depth).md"]).joined(separator: "/"), listed: depth < 32)
        }
        #expect(mkfifo(root + "/team3/pipe.md", 0o600) == 0)
        let listing = FileSystem.listing(under: root, suffix: ".md")
        #expect(listing.files == expected.sorted())
        #expect(listing.leftOut == ["team2/gone.md", "team3/pipe.md"])
        #expect(
            FileSystem.files(under: root + "/team5", suffix: ".MD") == [
                "alerts/sub2/Alert5.md", "alerts/sub2/UPPER5.MD", "Écran 5.Md",
            ])
    }
}
