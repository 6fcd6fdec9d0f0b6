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
    /// The positions in `words` of the words the shell expands something in: `$NAME`, `${...}`, `$1`,
    /// `$(...)` or a backtick outside single quotes (`"/$V/p"`, but not `'/$V/p'`).
    var expanding: Set<Int> = []
    var redirections: [Redirection] = []
    /// Bodies of here-documents and here-strings fed to this command.
    var hereDocuments: [String] = []
    /// Segments joined by `|` share a pipeline number.
    var pipeline = 0

    var isEmpty: Bool { words.isEmpty && redirections.isEmpty }
}
