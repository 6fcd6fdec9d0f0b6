/// Finds the library folder: `--library DIR`, then `$INCIDENT_LIBRARY`, then the nearest ancestor of the
/// working directory that has `runbooks/`, then the default library shipped with the program.
public enum LibraryLocator {
    /// The default library: the top-level folders of the package this program was built from.
    public static var shipped: String? {
        var path = #filePath
        for _ in 0..<4 { path = LibraryPath.directory(of: path) }
        return FileSystem.isDirectory(path + "/runbooks") ? path : nil
    }

    /// The library root to use.
    public static func locate(explicit: String?, environment: [String: String], currentDirectory: String)
        throws(IncidentError) -> String
    {
        if let explicit {
            // An empty value (an unset `"$LIB"` in a script) must not mean the current folder and all below it.
            guard !explicit.isEmpty else { throw .usage("--library needs a folder, not an empty value") }
            let path = absolute(explicit, from: currentDirectory)
            guard FileSystem.isDirectory(path) else {
                throw .usage("--library '\(explicit)' is not a folder")
            }
            return path
        }
        if let fromEnvironment = environment["INCIDENT_LIBRARY"], !fromEnvironment.isEmpty {
            let path = absolute(fromEnvironment, from: currentDirectory)
            guard FileSystem.isDirectory(path) else {
                throw .usage("INCIDENT_LIBRARY '\(fromEnvironment)' is not a folder")
            }
            return path
        }
        var folder = currentDirectory
        while !folder.isEmpty {
            if FileSystem.isDirectory(folder + "/runbooks") { return folder }
            let parent = LibraryPath.directory(of: folder)
            if parent == folder { break }
            folder = parent
        }
        if FileSystem.isDirectory("/runbooks") { return "/" }
        if let shipped { return shipped }
        throw .failure("no runbook library found: pass --library DIR or set INCIDENT_LIBRARY")
    }

    static func absolute(_ path: String, from directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        return "/" + (LibraryPath.normalize(joined) ?? "")
    }

    /// The library a folder of it belongs to, when `--library` names one of its top-level folders
    /// (`--library lib/runbooks`) rather than the library: nil when `root` is a library itself.
    public static func enclosingLibrary(of root: String) -> String? {
        let folders: Set<String> = ["runbooks", "forms", "checklists", "workflows", "gates", "artifacts"]
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        let name = LibraryPath.fileName(of: trimmed)
        let parent = LibraryPath.directory(of: trimmed)
        guard folders.contains(name), !FileSystem.isDirectory(trimmed + "/runbooks"),
            FileSystem.isDirectory((parent.isEmpty ? "." : parent) + "/runbooks")
        else { return nil }
        return parent.isEmpty ? "." : parent
    }
}
