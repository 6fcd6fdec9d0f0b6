/// A rendered incident report, with the template's placeholders the renderer did not know.
public struct RenderedReport: Sendable, Equatable {
    /// The report's markdown.
    public var text: String
    /// Placeholders left as written because the renderer has no value for them (a team's own), in
    /// order of first appearance, each once: the caller warns about them.
    public var unknownPlaceholders: [String]

    public init(text: String, unknownPlaceholders: [String]) {
        self.text = text
        self.unknownPlaceholders = unknownPlaceholders
    }
}
