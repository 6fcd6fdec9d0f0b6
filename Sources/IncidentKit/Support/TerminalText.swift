/// Text from files or the command line made safe to print on a terminal. Control characters could
/// move the cursor, rename the window or hide what follows; they are shown instead: `^[` for ESC,
/// `^?` for DEL, `?` for the C1 controls. Tabs and newlines stay.
public enum TerminalText {
    /// `text` on one line of at most `limit` characters, for a list or a heading (a 95 KB pasted log as
    /// a symptom): longer text is cut with `… (N characters)`. The record keeps the whole text.
    public static func abbreviated(_ text: String, limit: Int = 200) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard line.count > limit else { return line }
        return String(line.prefix(limit)) + "… (\(text.count) characters)"
    }

    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F, isControl(scalar) {
                shown.append("^")
                shown.append(Unicode.Scalar(UInt8(scalar.value ^ 0x40)))
            } else if isControl(scalar) {
                shown.append("?")
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: true
        default: false
        }
    }

    /// A secret this process puts in front of each escape sequence it writes itself (`style`,
    /// `eraseLine`): text from a runbook, a child's output or a symptom cannot know it, so a colour code
    /// written there (`ESC[31m`) is shown like any other control, never taken for one of the tool's.
    /// Two private-use characters around 128 random bits; it never reaches the terminal.
    static let styleMark: String = {
        var generator = SystemRandomNumberGenerator()
        let bits = (generator.next() as UInt64, generator.next() as UInt64)
        return "\u{F8FE}" + String(bits.0, radix: 16) + "." + String(bits.1, radix: 16) + "\u{F8FF}"
    }()
    private static let styleMarkBytes = Array(styleMark.utf8)

    /// The escape sequence `ESC[code`, marked as the tool's own: one of `ownSequences`.
    static func style(_ code: String) -> String { styleMark + "\u{1B}[" + code }

    /// `text` in the style `ESC[code` and reset after it when `colours`, else `text` as it is.
    static func styled(_ text: String, _ code: String, when colours: Bool) -> String {
        colours ? style(code) + text + style("0m") : text
    }

    /// Erases the current line (`\r ESC[K`), for a progress note that is written over.
    public static let eraseLine = styleMark + "\r\u{1B}[K"

    /// The sequences the tool writes itself, each passing only behind `styleMark`: reset, bold, dim, red,
    /// green, yellow, and erasing the line.
    private static let ownSequences: [[UInt8]] =
        ["0m", "1m", "2m", "31m", "32m", "33m"].map { [0x1B, 0x5B] + Array($0.utf8) } + [[0x0D, 0x1B, 0x5B, 0x4B]]

    /// `bytes` (one write) as they may reach a terminal: the sequences the tool itself writes pass (its
    /// colours and styles, and erasing a progress line), and so do tabs, newlines and `\r\n`; every other
    /// control character is shown as in `printable` (`^[`, `^G`, `?` for C1).
    /// Whatever a runbook, a child's output or a pasted symptom holds, the standard console passes it
    /// through this, so none of it can move the cursor, clear the screen, retitle the window or colour it.
    public static func terminalSafe(_ bytes: [UInt8]) -> [UInt8] {
        let count = bytes.count
        guard bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }) else {
            return bytes
        }
        var safe: [UInt8] = []
        safe.reserveCapacity(count + 16)
        var index = 0
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0xEF where bytes[index...].starts(with: styleMarkBytes):
                // Only the sequences the tool marks as its own: a runbook's `ESC[8m` (concealed) could hide
                // part of a command shown for confirmation, and its `\r ESC[K` erase what the line said.
                index += styleMarkBytes.count
                if let sequence = ownSequences.first(where: { bytes[index...].starts(with: $0) }) {
                    safe.append(contentsOf: sequence)
                    index += sequence.count
                }
                continue
            case 0x1B:
                safe.append(contentsOf: [0x5E, 0x5B])  // ^[
            case 0x0D:
                if index + 1 < count, bytes[index + 1] == 0x0A {
                    safe.append(byte)
                } else {
                    safe.append(contentsOf: [0x5E, 0x4D])
                }
            case 0x09, 0x0A:
                safe.append(byte)
            case 0x00..<0x20, 0x7F:
                safe.append(contentsOf: [0x5E, byte ^ 0x40])
            case 0xE2, 0xEF:
                // Bidirectional and invisible format characters: shown by code point, since a terminal that
                // honours them could show a command in another order than the one that runs.
                if index + 2 < count, let scalar = invisibleScalar(bytes[index], bytes[index + 1], bytes[index + 2]) {
                    safe.append(contentsOf: Array("<U+\(String(scalar, radix: 16, uppercase: true))>".utf8))
                    index += 3
                    continue
                }
                safe.append(byte)
            case 0xC2 where index + 1 < count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F:
                safe.append(0x3F)  // a C1 control, U+0080...U+009F
                index += 1
            default:
                safe.append(byte)
            }
            index += 1
        }
        return safe
    }

    /// The code point of a three-byte UTF-8 character that is a bidirectional control or invisible:
    /// U+200B...U+200F, U+202A...U+202E, U+2060...U+2069, U+FEFF.
    static func invisibleScalar(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> UInt32? {
        let scalar = UInt32(first & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
        guard first & 0xF0 == 0xE0, second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return nil }
        return isInvisible(scalar) ? scalar : nil
    }

    static func isInvisible(_ scalar: UInt32) -> Bool {
        (0x200B...0x200F).contains(scalar) || (0x202A...0x202E).contains(scalar)
            || (0x2060...0x2069).contains(scalar) || scalar == 0xFEFF
    }
}
