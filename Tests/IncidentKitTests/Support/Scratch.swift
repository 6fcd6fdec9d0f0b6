import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Scratch folders and files for tests, all under one folder of this test process that is removed when
/// the process exits, so that a run leaves nothing in the system temporary directory.
enum Scratch {
    /// `<tmp>/incident-tests-<pid>`, made on first use. Making it also removes the roots of test processes
    /// that are gone (a crashed or killed run cannot remove its own).
    static let root: String = {
        let temporary = FileManager.default.temporaryDirectory.path
        let prefix = "incident-tests-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] {
            guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid > 0 else { continue }
            // A root with this process's own pid was left by an earlier process that had it.
            if pid == getpid() || (kill(pid, 0) == -1 && errno == ESRCH) {
                try? FileManager.default.removeItem(atPath: temporary + "/" + entry)
            }
        }
        let path = temporary + "/\(prefix)\(getpid())"
        // Searchable by all: a test runs the binary as `nobody` from a folder in here.
        try? FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        atexit { try? FileManager.default.removeItem(atPath: Scratch.root) }
        return path
    }()

    /// A new path under the root, `name-` and 8 random hex digits, for a file or folder the caller makes.
    /// Kept short: a unix socket's path (tmux's, in the interactive tests) may not exceed about 100 bytes.
    static func path(_ name: String) -> String {
        root + "/\(name)-\(UUID().uuidString.prefix(8))"
    }

    /// A new empty folder under the root.
    static func folder(_ name: String) throws -> String {
        let path = path(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
