/// Where a `{{name}}` placeholder stands in the shell text, which decides how its value is quoted.
public enum PlaceholderContext: Sendable, Hashable {
    /// Outside quotes (also inside `$(...)` or backticks): the value becomes one quoted word.
    case unquoted
    /// Inside `'...'`: the quote is closed, the quoted word inserted, the quote reopened.
    case singleQuoted
    /// Inside `"..."`: the quote is closed, the quoted word inserted, the quote reopened.
    case doubleQuoted
    /// Somewhere no quoting is safe; the reason says where (a comment, a here-document...).
    case unsupported(String)
}
