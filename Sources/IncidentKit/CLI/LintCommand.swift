/// `incident lint`: checks a library for broken links, unreachable files and other problems.
struct LintCommand: Subcommand {
    let name = "lint"
    let summary = "Check a runbook library for broken links, unreachable files and other problems."
    let synopsis = "lint [--library DIR] [--json]"
    let details = """
        Problems are printed as `path:line: error: message` or `path:line: warning: message`, with paths
        from the current folder (--json gives them from the library folder, which it names).
        Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors.
        """
    let options: [ArgumentParser.Option] = [
        .value("library", "DIR", "Runbook library to check (default: see 'incident --help')."),
        .flag("json", "Print the problems as JSON."),
    ]

    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode {
        guard parsed.positionals.isEmpty else {
            throw .usage("unexpected argument '\(parsed.positionals[0])'")
        }
        let library = try context.loadLibrary(parsed)
        guard !library.files.isEmpty else {
            throw .failure("no markdown files in '\(library.root)': point --library at the runbook folder")
        }
        let diagnostics = Linter(library: library).run()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if parsed.flag("json") {
            let items = diagnostics.map { diagnostic -> JSONValue in
                .object([
                    ("path", .string(diagnostic.path)), ("line", .integer(diagnostic.line)),
                    ("severity", .string(diagnostic.severity.rawValue)), ("message", .string(diagnostic.message)),
                ])
            }
            context.console.write(
                JSONValue.object([
                    ("library", .string(library.root)), ("errors", .integer(errors)), ("warnings", .integer(warnings)),
                    ("diagnostics", .array(items)),
                ]).rendered() + "\n")
        } else {
            // Paths as the shell in this folder names them, so that an editor opens `path:line` as printed.
            for var diagnostic in diagnostics {
                diagnostic.path = LibraryPath.relative(
                    library.root + "/" + diagnostic.path, from: context.currentDirectory)
                context.console.write(diagnostic.description + "\n")
            }
            let files = library.files.count
            let summary =
                "\(files) file\(files == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), "
                + "\(warnings) warning\(warnings == 1 ? "" : "s")\n"
            context.console.error(summary)
        }
        return errors > 0 ? .failure : .success
    }
}
