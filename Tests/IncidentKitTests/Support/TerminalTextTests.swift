import Foundation
import Synchronization
import Testing

@testable import IncidentKit

@Suite struct TerminalTextTests {
    private func safe(_ text: String) -> String {
        String(decoding: TerminalText.terminalSafe(Array(text.utf8)), as: UTF8.self)
    }

    @Test func theToolsOwnSequencesPass() {
        let console = StandardConsoleStyles()
        #expect(
            safe(console.bold("Nginx") + " " + console.green("(confident match)"))
                == "\u{1B}[1mNginx\u{1B}[0m \u{1B}[32m(confident match)\u{1B}[0m")
        #expect(safe(TerminalText.eraseLine + "  running 3/5") == "\r\u{1B}[K  running 3/5")
        #expect(safe(console.redError("x") + console.dim("y")) == "\u{1B}[31mx\u{1B}[0m\u{1B}[2my\u{1B}[0m")
        for text in ["line\r\nnext\ttab\n", "plain é 日本 ✓ \u{F8FE}"] {
            #expect(safe(text) == text)
        }
    }

    /// The tool's own colour codes, written by anything else (a value typed with `--set`, a runbook, a
    /// child's output), are shown like every other control: they pass only behind the process's mark.
    @Test func theSameSequencesFromTextAreShown() {
        let console = StandardConsoleStyles()
        #expect(safe("service \u{1B}[31mred\u{1B}[0m") == "service ^[[31mred^[[0m")
        #expect(safe("\r\u{1B}[K  running 3/5") == "^M^[[K  running 3/5", "erasing the line is the tool's alone")
        // Inside a styled write, text between the tool's sequences is still filtered.
        #expect(safe(console.bold("a\u{1B}[1mb")) == "\u{1B}[1ma^[[1mb\u{1B}[0m")
        // A mark with no sequence of the tool's after it is dropped, never printed.
        #expect(safe(TerminalText.styleMark + "\u{1B}[2J") == "^[[2J")
    }

    @Test func everyOtherControlIsShown() {
        #expect(safe("Disk \u{1B}[2J\u{1B}]0;owned\u{7}full") == "Disk ^[[2J^[]0;owned^Gfull")
        #expect(safe("a\rb") == "a^Mb", "a bare carriage return could overwrite what the line said")
        #expect(safe("x\r\u{1B}[Ky") == "x^M^[[Ky", "erasing passes only as the tool writes it")
        #expect(safe("\u{1B}[Kx") == "^[[Kx")
        #expect(safe("rm -rf /tmp/\u{202E}gol.txt") == "rm -rf /tmp/<U+202E>gol.txt", "a right-to-left override")
        #expect(safe("a\u{200B}b\u{2066}c\u{FEFF}") == "a<U+200B>b<U+2066>c<U+FEFF>")
        #expect(safe("– — ‘’ “” … € ™ ⁰ ﬁ") == "– — ‘’ “” … € ™ ⁰ ﬁ", "other characters of the same lead bytes pass")
        #expect(safe("bs\u{8}\u{8} del\u{7F} nul\u{0}") == "bs^H^H del^? nul^@")
        #expect(safe("c1 \u{9B}31m csi") == "c1 ?31m csi")
        #expect(safe("cursor \u{1B}[10;10H up \u{1B}[A") == "cursor ^[[10;10H up ^[[A")
        #expect(safe("rm -rf \u{1B}[8m/\u{1B}[0m") == "rm -rf ^[[8m/^[[0m", "concealed text is not the tool's")
        #expect(safe("cut \u{1B}") == "cut ^[" && safe("cut \u{1B}[12") == "cut ^[[12" && safe("\r") == "^M")
    }

    /// The process's real output: `triage` prints a runbook's title as the route it takes, and the
    /// console (which writes the same bytes to a pipe as to a terminal) lets none of its escapes through.
    @Test func aRunbookCannotReachTheTerminalThroughTheProcess() throws {
        let root = try Scratch.folder("escape-process")
        try FileManager.default.createDirectory(atPath: root + "/alerts", withIntermediateDirectories: true)
        try "# Disk \u{1B}[2J\u{1B}]0;owned\u{7}full\n\n## Meaning\n\nThe disk is full.\n".write(
            toFile: root + "/alerts/DiskFull.md", atomically: false, encoding: .utf8)
        let result = Processes.runIncident(
            ["triage", "disk full", "--library", root, "--dry-run", "--no-input", "--out", root + "/out"],
            directory: root, environment: ["XDG_CACHE_HOME": root + "/c"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Route: Disk ^[[2J^[]0;owned^Gfull (alerts/DiskFull.md:1)"))
        #expect(!(result.output + result.errors).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        // Nor can a value typed with --set colour the screen: the commands shown with it filled in, in the
        // run and when the record is shown, show its escape as text.
        let sets = [
            "service=a\u{1B}[31mred", "env=production", "impact=x", "error_text=y", "start_time=now",
            "last_change=deploy", "links=none",
        ]
        let coloured = Processes.runIncident(
            ["triage", "502", "--library", Paths.packageRoot, "--dry-run", "--no-input", "--out", root + "/out"]
                + sets.flatMap { ["--set", $0] }, directory: root, environment: ["XDG_CACHE_HOME": root + "/c"])
        #expect(coloured.status == 0, "\(coloured.errors)")
        #expect(coloured.output.contains("systemctl is-active 'a^[[31mred'"), "\(coloured.output.prefix(300))")
        let ids = try FileManager.default.contentsOfDirectory(atPath: root + "/out").sorted()
        let shown = Processes.runIncident(
            ["show", try #require(ids.last), "--out", root + "/out"], directory: root,
            environment: ["XDG_CACHE_HOME": root + "/c"])
        #expect(shown.status == 0 && shown.output.contains("service: a^[[31mred"), "\(shown.output.prefix(300))")
        for output in [coloured.output, coloured.errors, shown.output, shown.errors] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B }, "\(output.prefix(300))")
        }
        // Through the same console, JSON keeps what was typed, controls and all.
        let typed = "disk \u{7F} full \u{85}x \u{1B}[2J"
        let json = Processes.runIncident(
            ["route", typed, "--json", "--library", root], directory: root, environment: ["XDG_CACHE_HOME": root + "/c"]
        )
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(object?["symptom"] as? String == typed, "\(json.output.prefix(200))")
    }
}

@Suite struct JSONControlTests {
    /// JSON says what was typed however the console shows text: DEL and C1 controls are escaped, not
    /// turned into `^?` and `?` on the way out.
    @Test func jsonEscapesEveryControlTheConsoleWouldShowOtherwise() throws {
        let typed = "disk \u{7F} full \u{85}x \u{9B}31m \u{1B}[2J é © \u{202E}rtl"
        let quoted = JSONValue.quote(typed)
        #expect(TerminalText.terminalSafe(Array(quoted.utf8)) == Array(quoted.utf8))
        let parsed = try JSONSerialization.jsonObject(with: Data(("[" + quoted + "]").utf8)) as? [String]
        #expect(parsed == [typed])
        let encoded = String(decoding: try JSONEncoder().encode([typed]), as: UTF8.self)
        let escaped = JSONValue.escapingControls(encoded)
        #expect(TerminalText.terminalSafe(Array(escaped.utf8)) == Array(escaped.utf8))
        #expect(try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String] == [typed])
    }
}

@Suite struct LiveProgressThroughTheFilterTests {
    /// Each write of a live progress line passes the console's filter untouched (its `\r ESC[K` leads
    /// the write), while a command label's own control characters are shown.
    @Test func liveLinesPassAndTheirLabelsAreNeutralised() {
        let log = WriteLog()
        let display = RunDisplay(console: log, live: true)
        display.begin(total: 2)
        display.handle(.started(index: 0, label: "curl -sI http://127.0.0.1"))
        display.handle(.started(index: 1, label: "evil \u{1B}]0;owned\u{7}"))
        display.handle(
            .finished(index: 0, label: "curl", duration: .seconds(1), status: .exited(0), timedOut: false))
        display.end()
        #expect(log.writes.count == 4)
        for write in log.writes {
            #expect(write.hasPrefix(TerminalText.eraseLine))
            let shown = String(decoding: TerminalText.terminalSafe(Array(write.utf8)), as: UTF8.self)
            #expect(shown.hasPrefix("\r\u{1B}[K"))
            if write.contains("evil") {
                #expect(shown.contains("evil ^[]0;owned^G"))
            } else {
                #expect(shown == write.replacingOccurrences(of: TerminalText.styleMark, with: ""))
            }
        }
    }
}

@Suite struct AbbreviatedTextTests {
    /// A long pasted symptom is cut for lists and headings, and says how long it was; short text stays.
    @Test func longTextIsCutOnOneLine() {
        #expect(TerminalText.abbreviated("502 from nginx") == "502 from nginx")
        #expect(TerminalText.abbreviated("a\nb") == "a b")
        let long = String(repeating: "x", count: 500)
        #expect(TerminalText.abbreviated(long) == String(repeating: "x", count: 200) + "… (500 characters)")
    }
}

@Suite struct LiveProgressWidthTests {
    /// On an 80-column terminal the live line never reaches the last column, however long the labels.
    @Test func theLiveLineFitsTheTerminal() {
        let log = WriteLog()
        let display = RunDisplay(console: log, live: true, columns: 80)
        display.begin(total: 3)
        let long = "Status line of the health path through nginx, as clients see it, with a very long title"
        display.handle(.started(index: 0, label: long))
        display.handle(.started(index: 1, label: long))
        for write in log.writes {
            let line = write.replacingOccurrences(of: TerminalText.eraseLine, with: "")
            #expect(line.count <= 79 && line.hasSuffix("…"), "\(line.count): \(line)")
        }
        let short = WriteLog()
        let narrow = RunDisplay(console: short, live: true, columns: 80)
        narrow.begin(total: 1)
        narrow.handle(.started(index: 0, label: "ps aux"))
        #expect(short.writes.last == TerminalText.eraseLine + "  0/1 done; running: ps aux")
    }
}

/// A console that keeps each write apart, as the filter sees them.
private final class WriteLog: Console {
    private let log = Mutex<[String]>([])
    let colorsOutput = true
    let colorsErrors = true
    func write(_ text: String) { log.withLock { $0.append(text) } }
    func error(_ text: String) { log.withLock { $0.append(text) } }
    var writes: [String] { log.withLock { $0 } }
}

/// The styles a terminal console writes, to check that they pass.
private struct StandardConsoleStyles: Console {
    let colorsOutput = true
    let colorsErrors = true
    func write(_ text: String) {}
    func error(_ text: String) {}
}
