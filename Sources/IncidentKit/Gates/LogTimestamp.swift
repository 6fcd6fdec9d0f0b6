import Foundation

/// The time at the start of a log line, in the three shapes logs use most:
/// nginx `2026/01/05 10:30:12`, ISO 8601 `2026-01-05T10:30:12Z` (also with a space for the `T`, fractional
/// seconds and a `+01:00`, `+0100` or `+01` offset) and syslog `Jan  5 10:30:12` (also journalctl's
/// `Jan 05 10:30:12`). A leading `[` is skipped. Reads bytes without Foundation's date parsers, and never
/// fails on odd input: a line it does not recognise has no timestamp.
public enum LogTimestamp {
    /// The time a line starts with, or nil.
    ///
    /// - Parameters:
    ///   - reference: a time near the line's (the `since` of a gate): a syslog line has no year, so it takes
    ///     the year that puts it nearest to `reference`.
    ///   - timeZone: the zone of times written without one (nginx, syslog, ISO without an offset).
    public static func parse(_ line: some StringProtocol, reference: Date, timeZone: TimeZone) -> Date? {
        var cursor = Cursor(bytes: Array(line.utf8.prefix(64)))
        cursor.skip { $0 == 0x20 || $0 == 0x09 }
        cursor.skip(maximum: 1) { $0 == UInt8(ascii: "[") }
        let start = cursor
        if let date = numeric(&cursor, timeZone: timeZone) { return date }
        cursor = start
        return syslog(&cursor, reference: reference, timeZone: timeZone)
    }

    /// Of `lines`, those that start with a time in the same second as `since` or later, and those without a
    /// time (lines in the same second are kept because most logs write whole seconds).
    public static func lines<S: StringProtocol>(_ lines: [S], since: Date, timeZone: TimeZone) -> [S] {
        let cutoff = since.timeIntervalSince1970.rounded(.down)
        return lines.filter { line in
            guard let date = parse(line, reference: since, timeZone: timeZone) else { return true }
            return date.timeIntervalSince1970 >= cutoff
        }
    }

    /// `YYYY/MM/DD HH:MM:SS` or `YYYY-MM-DD[T ]HH:MM:SS[.fff][zone]`.
    private static func numeric(_ cursor: inout Cursor, timeZone: TimeZone) -> Date? {
        guard let year = cursor.number(digits: 4), let separator = cursor.next(),
            separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-"),
            let month = cursor.number(digits: 2), cursor.take(separator), let day = cursor.number(digits: 2),
            let between = cursor.next()
        else { return nil }
        let isISO = separator == UInt8(ascii: "-")
        guard between == 0x20 || (isISO && (between == UInt8(ascii: "T") || between == UInt8(ascii: "t"))),
            let time = clock(&cursor)
        else { return nil }
        var seconds = Double(time.second)
        var offset: Int?
        if isISO {
            if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
                var scale = 0.1
                var digits = 0
                while let digit = cursor.digit() {
                    if digits < 9 { seconds += Double(digit) * scale }
                    scale /= 10
                    digits += 1
                }
                guard digits > 0 else { return nil }
            }
            offset = zoneOffset(&cursor)
        }
        return date(
            year: year, month: month, day: day, hour: time.hour, minute: time.minute, second: seconds,
            offset: offset, timeZone: timeZone)
    }

    /// `Mon DD HH:MM:SS`, the day padded with a space or a zero; the year nearest to `reference`.
    private static func syslog(_ cursor: inout Cursor, reference: Date, timeZone: TimeZone) -> Date? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let letters = cursor.letters(count: 3),
            let month = names.firstIndex(of: String(decoding: letters, as: UTF8.self).lowercased()).map({ $0 + 1 }),
            cursor.take(0x20)
        else { return nil }
        cursor.skip(maximum: 1) { $0 == 0x20 }
        guard let day = cursor.number(digits: 2) ?? cursor.number(digits: 1), cursor.take(0x20),
            let time = clock(&cursor)
        else { return nil }
        let referenceYear = Self.year(of: reference, timeZone: timeZone)
        let candidates = [referenceYear - 1, referenceYear, referenceYear + 1].compactMap {
            date(
                year: $0, month: month, day: day, hour: time.hour, minute: time.minute, second: Double(time.second),
                offset: nil, timeZone: timeZone)
        }
        return candidates.min {
            abs($0.timeIntervalSince(reference)) < abs($1.timeIntervalSince(reference))
        }
    }

    /// `HH:MM:SS`.
    private static func clock(_ cursor: inout Cursor) -> (hour: Int, minute: Int, second: Int)? {
        guard let hour = cursor.number(digits: 2), cursor.take(UInt8(ascii: ":")),
            let minute = cursor.number(digits: 2), cursor.take(UInt8(ascii: ":")),
            let second = cursor.number(digits: 2)
        else { return nil }
        return (hour, minute, second)
    }

    /// `Z`, `+01:00`, `+0100` or `+01` (seconds east of UTC); nil when the time has no zone.
    private static func zoneOffset(_ cursor: inout Cursor) -> Int? {
        if cursor.take(UInt8(ascii: "Z")) || cursor.take(UInt8(ascii: "z")) { return 0 }
        let start = cursor
        guard let sign = cursor.next(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
            let hours = cursor.number(digits: 2, alone: false), hours <= 23
        else {
            cursor = start
            return nil
        }
        _ = cursor.take(UInt8(ascii: ":"))
        let minutes = cursor.number(digits: 2) ?? 0
        guard minutes <= 59 else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// The moment of a civil date and time, at `offset` seconds east of UTC or else in `timeZone`; nil
    /// when a field is out of range.
    private static func date(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offset: Int?, timeZone: TimeZone
    ) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...daysIn(month, of: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), second >= 0, second < 61
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let local = Double(days * 86_400 + hour * 3_600 + minute * 60) + second
        let seconds = offset ?? timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local))
        return Date(timeIntervalSince1970: local - Double(seconds))
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar year of `date` in `timeZone`.
    private static func year(of date: Date, timeZone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        guard local.isFinite, abs(local) < 1e14 else { return 1970 }
        // Hinnant's `civil_from_days`, keeping only the year.
        let days = Int((local / 86_400).rounded(.down)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        return yearOfEra + era * 400 + (monthIndex >= 10 ? 1 : 0)
    }

    /// A cursor over the start of a line.
    private struct Cursor {
        var bytes: [UInt8]
        var index = 0

        mutating func next() -> UInt8? {
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func skip(maximum: Int = .max, while predicate: (UInt8) -> Bool) {
            var count = 0
            while count < maximum, index < bytes.count, predicate(bytes[index]) {
                index += 1
                count += 1
            }
        }

        mutating func digit() -> Int? {
            guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { return nil }
            defer { index += 1 }
            return Int(bytes[index] - 0x30)
        }

        /// Exactly `digits` digits, and when `alone`, not followed by another digit.
        mutating func number(digits: Int, alone: Bool = true) -> Int? {
            let start = index
            var value = 0
            for _ in 0..<digits {
                guard let digit = digit() else {
                    index = start
                    return nil
                }
                value = value * 10 + digit
            }
            if alone, index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                index = start
                return nil
            }
            return value
        }

        mutating func letters(count: Int) -> ArraySlice<UInt8>? {
            guard index + count <= bytes.count,
                bytes[index..<(index + count)].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
            else { return nil }
            defer { index += count }
            return bytes[index..<(index + count)]
        }
    }
}
