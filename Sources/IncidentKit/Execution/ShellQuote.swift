/// Turns any text into exactly one shell word that the shell reads back byte for byte.
public enum ShellQuote {
    /// `text` in single quotes, each `'` written as `'\''`; the empty string becomes `''`.
    public static func word(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
