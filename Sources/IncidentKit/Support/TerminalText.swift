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
}
