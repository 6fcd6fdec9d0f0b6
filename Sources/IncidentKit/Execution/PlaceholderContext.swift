/// Where a `{{name}}` placeholder stands in the shell text, which decides how its value is quoted.
public enum PlaceholderContext: Sendable, Hashable {
    /// Outside quotes (also inside `$(...)` or backticks): the value becomes one quoted word.
    case unquoted
    /// Inside `'...'`: the quote is closed, the quoted word inserted, the quote reopened.
    case singleQuoted
    /// Inside `"..."`: the quote is closed, the quoted word inserted, the quote reopened.
    case doubleQuoted
    /// Inside `$((...))`, `$[...]` or a `((...))` command. Quotes do not protect a value there: the shell
    /// expands `$(...)` within arithmetic even between quotes, and bash evaluates what it reads as a
    /// variable's subscript. Only a whole number (`42`, `-5`) is filled in, as written; any other value
    /// keeps the command from running.
    case arithmetic
    /// Somewhere no quoting is safe; the reason says where (a comment, a here-document...).
    case unsupported(String)
}
