import Foundation

/// How the report writes times and durations: always UTC, to the second, independent of the host's
/// locale and time zone.
enum ReportTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    /// `2026-01-05 10:30:12 UTC`.
    static func dateTime(_ date: Date) -> String {
        day(date) + " " + time(date) + " UTC"
    }

    /// `2026-01-05`.
    static func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return pad(parts.year ?? 0, 4) + "-" + pad(parts.month ?? 0, 2) + "-" + pad(parts.day ?? 0, 2)
    }

    /// `10:30:12`.
    static func time(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return pad(parts.hour ?? 0, 2) + ":" + pad(parts.minute ?? 0, 2) + ":" + pad(parts.second ?? 0, 2)
    }

    /// `850 ms`, `1.2 s`, `2 min 5 s`, `1 h 3 min`.
    static func duration(milliseconds: Int) -> String {
        let milliseconds = max(0, milliseconds)
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        if milliseconds < 60_000 {
            let tenths = milliseconds / 100
            return "\(tenths / 10).\(tenths % 10) s"
        }
        let seconds = milliseconds / 1000
        if seconds < 3600 { return "\(seconds / 60) min \(seconds % 60) s" }
        return "\(seconds / 3600) h \(seconds % 3600 / 60) min"
    }

    /// The duration from `start` to `end`, as `duration(milliseconds:)` writes it.
    static func duration(from start: Date, to end: Date) -> String {
        // Clamped so that a corrupt date can never trap the conversion to Int.
        let milliseconds = min(max(end.timeIntervalSince(start) * 1000, 0), 1e15)
        return duration(milliseconds: milliseconds.isFinite ? Int(milliseconds) : 0)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
