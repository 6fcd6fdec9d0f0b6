/// A problem found in a library file, reported as `path:line: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    public var path: String
    public var line: Int
    public var message: String

    public init(_ severity: Severity, path: String, line: Int, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
    }

    /// The compiler-style line: `path:line: error: message`.
    public var description: String {
        "\(path):\(line): \(severity.rawValue): \(message)"
    }
}
