import Foundation
import Testing

@testable import IncidentKit

@Suite struct LogTimestampTests {
    /// 2026-01-05 10:30:12 UTC.
    static let opened = Date(timeIntervalSince1970: 1_767_609_012)
    static let utc = GateEvaluator.defaultTimeZone

    @Test(arguments: [
        (#"2026/01/05 10:30:12 [error] 1234#1234: *5678 connect() failed (111: Connection refused)"#, 0.0),
        ("2026-01-05T10:30:12Z INFO started", 0),
        ("2026-01-05T10:30:12.250Z", 0.25),
        ("2026-01-05T11:30:12+01:00 host app[1]: ready", 0),
        ("2026-01-05T11:30:12.5+0100", 0.5),
        ("2026-01-05T05:30:12-05", 0),
        ("2026-01-05T10:30:12+0000 host systemd[1]: Started eye-donation.service.", 0),
        ("2026-01-05 10:30:12,123 ERROR gunicorn.error: Worker failed to boot", 0.123),
        ("[2026-01-05T10:30:12Z] warning", 0),
        ("  2026/01/05 10:30:13 [notice] 1#1: signal process started", 1),
        ("Jan  5 10:30:12 web-1 nginx[1234]: started", 0),
        ("Jan 05 10:30:12 web-1 systemd[1]: eye-donation.service: Main process exited, code=exited", 0),
        ("jan 5 10:30:12 lower case month", 0),
    ])
    func recognisedShapes(line: String, offset: Double) throws {
        let date = try #require(LogTimestamp.parse(line, reference: Self.opened, timeZone: Self.utc))
        #expect(abs(date.timeIntervalSince(Self.opened) - offset) < 0.000_1)
    }

    @Test(arguments: [
        "", "10:30:12 no date", "2026/13/05 10:30:12", "2026/02/30 10:00:00", "2026/01/05 25:00:00",
        "2026/01/05 10:60:00", "12026/01/05 10:30:12", "2026/01/05T10:30:12", "2026-01-05T10:30:12.Z",
        "2026-01-5 10:30:12", "20260105T103012Z", "Janitor 5 10:30:12", "Foo  5 10:30:12",
        "curl: (7) Failed to connect to 127.0.0.1 port 8000 after 0 ms: Couldn't connect to server",
        "System has not been booted with systemd as init system (PID 1). Can't operate.", "2026/01/05",
        "Jan  5", "Jan 32 10:00:00",
    ])
    func otherLinesHaveNoTimestamp(line: String) {
        #expect(LogTimestamp.parse(line, reference: Self.opened, timeZone: Self.utc) == nil)
    }

    @Test func timesWithoutAZoneAreReadInTheGivenZone() throws {
        let plusOne = try #require(TimeZone(secondsFromGMT: 3_600))
        let nginx = try #require(
            LogTimestamp.parse("2026/01/05 11:30:12 [error]", reference: Self.opened, timeZone: plusOne))
        #expect(nginx == Self.opened)
        let iso = try #require(LogTimestamp.parse("2026-01-05T10:30:12Z", reference: Self.opened, timeZone: plusOne))
        #expect(iso == Self.opened)
    }

    @Test func syslogTakesTheYearNearestTheReference() throws {
        let newYear = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00:00 UTC
        let lastYear = try #require(
            LogTimestamp.parse("Dec 31 23:59:59 web-1 kernel: oom-kill", reference: newYear, timeZone: Self.utc))
        #expect(lastYear == Date(timeIntervalSince1970: 1_767_225_599))
        let leap = try #require(
            LogTimestamp.parse(
                "Feb 29 12:00:00 web-1 app: ok", reference: Date(timeIntervalSince1970: 1_709_000_000),
                timeZone: Self.utc))
        #expect(leap == Date(timeIntervalSince1970: 1_709_208_000))
    }

    @Test func linesSinceKeepTheSameSecondAndLinesWithoutTime() {
        let lines = [
            "2026/01/05 10:30:12 [error] 1234#1234: *5678 connect() failed (111: Connection refused)",
            "2026/01/05 10:45:00 [error] 1234#1234: *5690 connect() failed (111: Connection refused)",
            "2026/01/05 10:45:01 [error] 1234#1234: *5691 connect() failed (111: Connection refused)",
            "grep: /var/log/nginx/error.log.1: No such file or directory",
            "2026/01/05 10:50:03 [error] 1234#1234: *5702 upstream prematurely closed connection",
        ]
        let since = Date(timeIntervalSince1970: 1_767_609_901.75)  // 10:45:01.75
        #expect(LogTimestamp.lines(lines, since: since, timeZone: Self.utc) == Array(lines[2...]))
    }

    @Test func randomLinesNeverCrashTheParser() {
        var generator = SeededGenerator(seed: 0x71_3E)
        let seeds = [
            "2026/01/05 10:30:12", "2026-01-05T10:30:12.123456789+05:30", "Jan  5 10:30:12", "[2026-01-05 10:30:12",
            "9999-12-31T23:59:60-23:59", "0001/01/01 00:00:00",
        ]
        let alphabet = Array("0123456789/-:.,TZ+ []JanFebDec\t\u{0}é🙂")
        var parsed = 0
        for _ in 0..<5_000 {
            var characters = Array(seeds.randomElement(using: &generator) ?? "")
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                let replacement = alphabet.randomElement(using: &generator) ?? " "
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where !characters.isEmpty:
                    characters[Int.random(in: 0..<characters.count, using: &generator)] = replacement
                case 1: characters.insert(replacement, at: Int.random(in: 0...characters.count, using: &generator))
                default:
                    if !characters.isEmpty {
                        characters.remove(at: Int.random(in: 0..<characters.count, using: &generator))
                    }
                }
            }
            let bytes = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            let line = String(characters) + String(decoding: bytes, as: UTF8.self)
            let reference = Date(timeIntervalSince1970: Double.random(in: -1e11...1e11, using: &generator))
            if let date = LogTimestamp.parse(line, reference: reference, timeZone: Self.utc) {
                #expect(date.timeIntervalSince1970.isFinite)
                parsed += 1
            }
            _ = LogTimestamp.lines([line, ""], since: reference, timeZone: Self.utc)
        }
        #expect(parsed > 100)
    }
}
