#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds whether a tool a command requires (`[requires: systemctl]`) is installed: on `PATH`, and in the
/// sbin folders where Debian keeps nginx and friends even for users whose PATH lacks them.
public struct ToolLocator: Sendable {
    public var searchPath: [String]

    public init(path: String?) {
        var folders = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for extra in ["/usr/local/sbin", "/usr/sbin", "/sbin"] where !folders.contains(extra) { folders.append(extra) }
        searchPath = folders
    }

    /// Whether `tool` is an executable in one of the folders.
    public func has(_ tool: String) -> Bool {
        guard !tool.isEmpty, !tool.contains("/") else { return access(tool, X_OK) == 0 }
        return searchPath.contains { access($0 + "/" + tool, X_OK) == 0 }
    }

    /// The tools of `required` that are missing.
    public func missing(_ required: [String]) -> [String] { required.filter { !has($0) } }
}
