import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Scratch folders and files for tests, all under one folder of this test process that is removed when
/// the process exits, so that a run leaves nothing in the system temporary directory.
enum Scratch {
    /// `<tmp>/incident-tests-XXXXXX`, made on first use and locked (`flock` on `.lock`) while this process
    /// lives. Making it also removes the roots whose lock nobody holds: a crashed or killed run cannot
    /// remove its own. A lock, unlike a pid, also tells a live run in another container apart.
    static let root: String = {
        let temporary = FileManager.default.temporaryDirectory.path
        let prefix = "incident-tests-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        where entry.hasPrefix(prefix) {
            let other = temporary + "/" + entry
            // A root without its lock file yet is being made right now.
            let lock = open(other + "/.lock", O_RDONLY | O_CLOEXEC)
            guard lock >= 0 else { continue }
            if flock(lock, LOCK_EX | LOCK_NB) == 0 { try? FileManager.default.removeItem(atPath: other) }
            close(lock)
        }
        var template = Array((temporary + "/" + prefix + "XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else {
            preconditionFailure("cannot make a scratch folder in \(temporary): \(String(cString: strerror(errno)))")
        }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // Searchable by all: a test runs the binary as `nobody` from a folder in here.
        chmod(path, 0o755)
        // Held open, and so locked, until the process exits.
        let lock = open(path + "/.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            preconditionFailure("cannot lock the scratch folder \(path): \(String(cString: strerror(errno)))")
        }
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
