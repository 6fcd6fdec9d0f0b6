import Foundation

@testable import IncidentKit

#if canImport(Glibc)
    import Glibc
#endif

/// Helpers for end-to-end tests: the built `incident` binary, free loopback ports, background servers.
enum Processes {
    /// The `incident` executable built beside the test bundle.
    static var incident: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0])
        for _ in 0..<4 {
            folder.deleteLastPathComponent()
            let candidate = folder.appendingPathComponent("incident").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return Paths.packageRoot + "/.build/debug/incident"
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts connections on 127.0.0.1:`port`.
    static func listening(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Waits up to `seconds` for `port` to accept connections.
    static func waitForListener(_ port: Int, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if listening(port) { return true }
            usleep(50_000)
        }
        return false
    }

    /// A shell command line of `words`, each quoted.
    static func shell(_ words: [String]) -> String { words.map { ShellQuote.word($0) }.joined(separator: " ") }

    /// Runs a shell command through the product's own runner (Foundation's Process can leave children
    /// unreaped on Linux when waited on from a test thread): status, standard output and error.
    @discardableResult
    static func sh(_ command: String, directory: String? = nil, timeout: Duration = .seconds(120))
        -> (status: Int32, output: String, errors: String)
    {
        let runner = ProcessRunner(options: RunnerOptions(defaultTimeout: timeout, redactor: nil))
        let spec = CommandSpec(command, timeout: timeout, workingDirectory: directory)
        guard let result = try? runner.run(spec) else { return (-1, "", "could not start: \(command)") }
        let status: Int32
        switch result.status {
        case .exited(let code): status = code
        case .signaled(let signal): status = 128 + signal
        }
        return (status, result.stdout.text, result.stderr.text)
    }

    /// Starts a server in the background, detached from the runner; returns its pid.
    static func startServer(_ words: [String], directory: String, log: String = "/dev/null") -> Int32? {
        let command = "nohup \(shell(words)) >\(ShellQuote.word(log)) 2>&1 </dev/null & echo $!"
        return Int32(
            sh(command, directory: directory, timeout: .seconds(10)).output.trimmingCharacters(
                in: .whitespacesAndNewlines))
    }

    /// Stops a server started with `startServer` and waits for it to go.
    static func stopServer(_ pid: Int32?) {
        guard let pid else { return }
        kill(pid, SIGTERM)
        for _ in 0..<100 where kill(pid, 0) == 0 { usleep(20_000) }
        kill(pid, SIGKILL)
    }

    /// Runs `incident` with `arguments` to completion: its exit status and output.
    static func runIncident(
        _ arguments: [String], directory: String, environment: [String: String] = [:], timeout: Duration = .seconds(180)
    ) -> (status: Int32, output: String, errors: String) {
        let assignments = (["NO_COLOR": "1"].merging(environment) { $1 }).sorted { $0.key < $1.key }
            .map { "\($0.key)=\(ShellQuote.word($0.value))" }.joined(separator: " ")
        return sh("\(assignments) \(shell([incident] + arguments))", directory: directory, timeout: timeout)
    }

    /// `runbookLibrary` for a runbook whose Diagnosis section holds `blocks`, one ```shell block each.
    static func diagnosisLibrary(_ name: String, blocks: [String]) throws -> (folder: String, library: String) {
        let shell = blocks.map { "```shell\n\($0)\n```\n" }.joined(separator: "\n")
        return try runbookLibrary(name, markdown: "# \(name)\n\n## Diagnosis\n\n" + shell)
    }

    /// A scratch folder holding `library/alerts/NAME.md` with `markdown`: a one-runbook collection
    /// without an index, as the corpora are. Returns the folder and the library in it.
    static func runbookLibrary(_ name: String, markdown: String) throws -> (folder: String, library: String) {
        let folder = try Scratch.folder(name)
        let library = folder + "/library"
        try FileManager.default.createDirectory(atPath: library + "/alerts", withIntermediateDirectories: true)
        try markdown.write(toFile: library + "/alerts/\(name).md", atomically: true, encoding: .utf8)
        return (folder, library)
    }
}
