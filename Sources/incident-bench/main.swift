// A benchmark driver for the command runner; `bench/runner` builds it in release mode and runs it.
import Foundation
import IncidentKit

/// Peak resident memory of this process in KiB (VmHWM).
func peakMemoryKiB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
}

func seconds(_ duration: Duration) -> Double {
    let (whole, fraction) = duration.components
    return Double(whole) + Double(fraction) / 1e18
}

func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    return seconds(ContinuousClock.now - start)
}

let arguments = CommandLine.arguments.dropFirst()
let redaction = !arguments.contains("--no-redaction")
let options = RunnerOptions(
    defaultTimeout: .seconds(600), concurrency: 16, redactor: redaction ? Redactor() : nil)
let runner = ProcessRunner(options: options)

switch arguments.first {
case "parallel":
    let specs = Array(repeating: CommandSpec("sleep 0.5"), count: 16)
    var failures = 0
    let elapsed = measure {
        failures = runner.runAll(specs, progress: nil).filter { (try? $0.get().succeeded) != true }.count
    }
    print(String(format: "%.3f", elapsed), failures)
case "capture":
    var total = 0
    let elapsed = try measure {
        let result = try runner.run(CommandSpec("head -c 1G /dev/zero"))
        total = result.stdout.totalBytes
    }
    print(String(format: "%.3f", elapsed), total, peakMemoryKiB())
case "spawn":
    let count = Int(arguments.dropFirst().first ?? "") ?? 1000
    let spec = CommandSpec("true")
    let elapsed = try measure {
        for _ in 0..<count { _ = try runner.run(spec) }
    }
    print(String(format: "%.3f", elapsed), count)
case "redact":
    // The streaming redactor alone over 1 GiB in 256 KiB chunks: zeros, or with `--text` ordinary log
    // lines (timestamps, paths, UUIDs, key=value pairs, no secret).
    let line = Array(
        "2026-11-29T23:42:12.123Z INFO [worker-3] GET /api/v1/orders/8f14e45f-ceea-467f-a8f4-3b1c1d2e9a00 200 12ms upstream=10.0.3.17:8080 agent=\"curl/8.4.0\" commit=3f9a2c1\n"
            .utf8)
    let chunk =
        arguments.contains("--text")
        ? Array((0..<(256 * 1024 / line.count + 1)).lazy.flatMap { _ in line }.prefix(256 * 1024))
        : [UInt8](repeating: 0, count: 256 * 1024)
    var stream = Redactor().streaming()
    var out = 0
    let elapsed = measure {
        for _ in 0..<4096 { out += chunk.withUnsafeBytes { stream.feed($0).count } }
        out += stream.finish().count
    }
    print(String(format: "%.3f", elapsed), out)
default:
    FileHandle.standardError.write(
        Data("usage: incident-bench parallel|capture|spawn [N]|redact [--text] [--no-redaction]\n".utf8))
    exit(64)
}
