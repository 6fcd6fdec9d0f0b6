/// A link from one library file to another, with where it was written.
public struct LibraryLink: Sendable, Hashable {
    /// The destination as written.
    public var destination: String
    /// The library-relative path it resolved to, or nil when no candidate exists.
    public var resolved: String?
    /// The file and line the link was written on.
    public var file: String
    public var line: Int
}
