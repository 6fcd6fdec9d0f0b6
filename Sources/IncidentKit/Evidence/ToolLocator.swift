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

    /// Tools that talk to a running systemd: installed but useless on hosts (containers, CI) that
    /// did not boot with it.
    static let systemdTools: Set<String> = ["systemctl", "journalctl", "loginctl", "busctl", "systemd-analyze"]

    /// Whether the host booted with systemd (the check sd_booted() makes).
    public var systemdRunning: Bool = access("/run/systemd/system", F_OK) == 0

    /// Treats every tool as installed (for tests of what happens after the check).
    public var assumeInstalled = false

    /// Whether `tool` is an executable in one of the folders (and, for systemd's tools, systemd runs).
    public func has(_ tool: String) -> Bool {
        if assumeInstalled { return true }
        if Self.systemdTools.contains(tool), !systemdRunning { return false }
        guard !tool.isEmpty, !tool.contains("/") else { return access(tool, X_OK) == 0 }
        return searchPath.contains { access($0 + "/" + tool, X_OK) == 0 }
    }

    /// Why a required tool is missing, in words.
    public func reason(_ tool: String) -> String {
        Self.systemdTools.contains(tool) && !systemdRunning ? "\(tool) (this host does not run systemd)" : tool
    }

    /// The tools of `required` that are missing.
    public func missing(_ required: [String]) -> [String] { required.filter { !has($0) } }
}
