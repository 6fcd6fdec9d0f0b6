/// Where a placeholder stands in a template, which decides how its value is written there.
enum PlaceholderSite: Equatable {
    /// Inside a fenced code block: the value as raw text, continuation lines indented like the line.
    case fenced(indent: String)
    /// On a table row: one cell, pipes escaped and line breaks as `<br>`.
    case tableRow
    /// Alone on its line: a markdown block, continuation lines indented like the line.
    case block(indent: String)
    /// Within a line of text: the value on one line.
    case inline
}
