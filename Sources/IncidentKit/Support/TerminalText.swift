/// Text from files or the command line made safe to print on a terminal. Control characters could
/// move the cursor, rename the window or hide what follows; they are shown instead: `^[` for ESC,
/// `^?` for DEL, `?` for the C1 controls. Tabs and newlines stay.
public enum TerminalText {
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

    /// The styles the tool writes itself: reset, bold, dim, red, green, yellow. (Erasing the line passes
    /// only as the `\r ESC[K` a write starts with.)
    private static let ownSequences: [[UInt8]] = ["0m", "1m", "2m", "31m", "32m", "33m"].map {
        [0x1B, 0x5B] + Array($0.utf8)
    }

    /// `bytes` (one write) as they may reach a terminal: the sequences the tool itself writes pass (its
    /// colours and styles, and `\r ESC[K` at the start, which erases a progress line), and so do tabs,
    /// newlines and `\r\n`; every other control character is shown as in `printable` (`^[`, `^G`, `?`
    /// for C1).
    /// Whatever a runbook, a child's output or a pasted symptom holds, the standard console passes it
    /// through this, so none of it can move the cursor, clear the screen or retitle the window.
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
            case 0x1B:
                // Only the sequences `Console` writes: a runbook's own `ESC[8m` (concealed) could hide part
                // of a command shown for confirmation.
                if let sequence = ownSequences.first(where: { bytes[index...].starts(with: $0) }) {
                    safe.append(contentsOf: sequence)
                    index += sequence.count
                    continue
                }
                safe.append(contentsOf: [0x5E, 0x5B])  // ^[
            case 0x0D:
                // `\r ESC[K` only where the tool writes it, at the start of a write: inside a runbook's path
                // or a symptom it would erase what the line said before it.
                if index == 0, count >= 4, bytes[1] == 0x1B, bytes[2] == 0x5B, bytes[3] == 0x4B {
                    safe.append(contentsOf: bytes[0..<4])
                    index = 4
                    continue
                }
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
