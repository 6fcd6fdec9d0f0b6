/// One simple command of a shell line: its words (quotes removed), redirections and here-documents.
struct ShellSegment: Hashable {
    /// An output or input redirection such as `2>/dev/null` or `>> /var/log/x`.
    struct Redirection: Hashable {
        /// The operator as written, with its descriptor: `>`, `2>>`, `&>`, `>&`, `<`.
        var op: String
        /// The word after the operator (quotes removed).
        var target: String
    }

    var words: [String] = []
    var redirections: [Redirection] = []
    /// Bodies of here-documents and here-strings fed to this command.
    var hereDocuments: [String] = []
    /// Segments joined by `|` share a pipeline number.
    var pipeline = 0

    var isEmpty: Bool { words.isEmpty && redirections.isEmpty }
}
