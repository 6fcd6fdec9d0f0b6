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
}
