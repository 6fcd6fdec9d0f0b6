/// What a command runs with: the console, the environment and the working directory. Tests pass their own.
public struct CommandContext: Sendable {
    public var console: any Console
    public var environment: [String: String]
    public var currentDirectory: String
    /// Reads any variable of the environment, not only those in `environment` (which holds what the tool
    /// itself reads): a runbook's `$NAMESPACE` is looked up when a command needs it.
    public var lookup: @Sendable (String) -> String?

    public init(console: any Console, environment: [String: String], currentDirectory: String) {
        self.console = console
        self.environment = environment
        self.currentDirectory = currentDirectory
        lookup = { environment[$0] }
    }

    /// Every incident record in `store`, oldest first; one that cannot be read is named in a warning.
    func loadRecords(_ store: IncidentStore) -> [IncidentRecord] {
        store.ids().compactMap { id in
            do {
                return try store.load(id)
            } catch {
                console.error(console.yellowError("warning: ") + "\(error)\n")
                return nil
            }
        }
    }

    /// The library for this run, found in the documented order, loaded.
    func loadLibrary(_ parsed: ArgumentParser.Parsed, scope: Library.Scope = .all) throws(IncidentError) -> Library {
        let root = try LibraryLocator.locate(
            explicit: parsed.value("library"), environment: environment, currentDirectory: currentDirectory)
        warnIfFolderOfLibrary(root)
        return try Library.load(root: root, scope: scope)
    }

    /// A warning when `--library` names a folder of a library (`lib/runbooks`) instead of the library.
    func warnIfFolderOfLibrary(_ root: String) {
        guard let library = LibraryLocator.enclosingLibrary(of: root) else { return }
        console.error(
            console.yellowError("warning: ") + "\(TerminalText.printable(root)) is a folder of the library at "
                + "\(TerminalText.printable(library)); pass --library \(TerminalText.printable(library)) to use all of it\n"
        )
    }
}
