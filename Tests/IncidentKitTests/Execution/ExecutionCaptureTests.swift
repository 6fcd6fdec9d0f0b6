import Foundation
import IncidentKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ExecutionCaptureTests {
    static let tenMiB = 10 * 1024 * 1024

    @Test func tenMegabytesOnBothStreamsAtOnce() throws {
        let directory = try Scratch.folder("exec")
        let file = directory + "/output.log"
        // A generous timeout: on a loaded machine the two writers can take seconds, which is not the point.
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(timeout: .seconds(50)), registry: ProcessGroupRegistry())
        let command =
            "yes abcdefgh | head -c \(Self.tenMiB) & yes 0123456789 | head -c \(Self.tenMiB) >&2; wait"
        let result = try runner.run(CommandSpec(command, outputFile: file))
        #expect(result.status == .exited(0))
        for (stream, line) in [(result.stdout, "abcdefgh\n"), (result.stderr, "0123456789\n")] {
            #expect(stream.totalBytes == Self.tenMiB)
            #expect(stream.head.count == 64 * 1024)
            #expect(stream.tail.count == 64 * 1024)
            #expect(stream.droppedBytes == Self.tenMiB - 128 * 1024)
            #expect(stream.text.contains("\n[... \(Self.tenMiB - 128 * 1024) bytes cut ...]\n"))
            #expect(String(decoding: stream.head.prefix(line.utf8.count), as: UTF8.self) == line)
        }
        // The last line may be cut by `head -c`; its start must still line up with the pattern.
        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
        #expect(size == 2 * Self.tenMiB)
    }

    @Test func smallOutputIsKeptWhole() throws {
        let runner = ProcessRunner(
            options: ExecutionTestSupport.options(head: 4, tail: 4), registry: ProcessGroupRegistry())
        #expect(try runner.run(CommandSpec("printf 12345678")).stdout.text == "12345678")
        let cut = try runner.run(CommandSpec("printf 1234567890"))
        #expect(cut.stdout.head == Array("1234".utf8))
        #expect(cut.stdout.tail == Array("7890".utf8))
        #expect(cut.stdout.text == "1234\n[... 2 bytes cut ...]\n7890")
    }

    @Test func outputFileAndCaptureAreRedacted() throws {
        let directory = try Scratch.folder("exec")
        let file = directory + "/out.log"
        let runner = ProcessRunner(options: ExecutionTestSupport.options(), registry: ProcessGroupRegistry())
        // The declared secret arrives in two separate writes, so in two reads.
        let command =
            "echo password=hunter22; printf 'key: abc'; sleep 0.2; printf 'def-SECRET\\n'; echo done >&2"
        let result = try runner.run(CommandSpec(command, outputFile: file, secrets: ["abcdef-SECRET"]))
        let expected = "password=[REDACTED:secret-assignment]\nkey: [REDACTED:secret-value]\n"
        #expect(result.stdout.text == expected)
        #expect(result.stdout.redactions == [.secretAssignment: 1, .secretValue: 1])
        #expect(result.stdout.totalBytes == 37)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains(expected))
        #expect(saved.contains("done\n"))
        #expect(!saved.contains("hunter22") && !saved.contains("abcdef"))
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func thousandRunsLeaveNoDescriptorOpen() throws {
        let runner = ProcessRunner(options: ExecutionTestSupport.options(), registry: ProcessGroupRegistry())
        _ = try runner.run(CommandSpec("true"))
        let before = ExecutionTestSupport.openDescriptorCount()
        for index in 0..<1000 {
            let result = try runner.run(CommandSpec(index % 100 == 0 ? "echo out; echo err >&2" : "true"))
            try #require(result.status == .exited(0))
        }
        // Other suites run in parallel and hold descriptors for a moment (pipes of their children, files
        // they read), so the count is watched for up to 5 s until it is back near where it was; a leak
        // of even one descriptor per run would keep it a thousand higher.
        var after = ExecutionTestSupport.openDescriptorCount()
        let deadline = ContinuousClock.now + .seconds(5)
        while after - before >= 16, ContinuousClock.now < deadline {
            usleep(50_000)
            after = ExecutionTestSupport.openDescriptorCount()
        }
        #expect(after - before < 16, "before \(before), after \(after)")
    }

    @Test func childrenInheritNoExtraDescriptors() throws {
        let runner = ProcessRunner(options: ExecutionTestSupport.options(), registry: ProcessGroupRegistry())
        // Open a descriptor without close-on-exec: the spawn must still not pass it on.
        let leaky = open("/dev/null", O_RDONLY)
        defer { close(leaky) }
        let result = try runner.run(CommandSpec("ls /proc/$$/fd"))
        #expect(result.stdout.text.split(separator: "\n").sorted() == ["0", "1", "2"])
    }
}
