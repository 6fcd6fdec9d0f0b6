/// A piece of a command template: literal shell text or a placeholder.
public enum TemplatePart: Sendable, Hashable {
    /// Shell text kept as written.
    case text(String)
    /// `{{name}}`, with where it stands.
    case placeholder(name: String, context: PlaceholderContext)
}
