/// An evidence checklist: variables, the commands to run, and the error patterns that turn their output
/// into findings.
public struct Checklist: Sendable {
    public var path: String
    public var title: String
    public var variables: [VariableDeclaration]
    public var commands: [RunbookCommand]
    public var patterns: [ErrorPattern]
    /// The commands under a section that fixes rather than looks (Mitigation, Remediation, Resolution...),
    /// in `commands` too.
    public var fixSteps: [RunbookCommand] = []
    /// The headings of the fixing sections that hold `fixSteps`, in order.
    public var fixHeadings: [String] = []
    /// Whether `withoutFixSteps()` took the fixing steps out of `commands`.
    public var excludesFixSteps = false
    /// The fixing steps `withoutFixSteps()` took out of `commands`.
    public var setAside: [RunbookCommand] { excludesFixSteps ? fixSteps : [] }

    /// Words of a heading over the steps that fix the problem, in runbooks that are not checklists.
    static let fixHeadingWords: Set<String> = [
        "mitigation", "mitigate", "mitigating", "remediation", "remediate", "resolution", "resolve", "resolving",
        "fix", "fixing", "fixes", "recovery", "recover", "recovering", "workaround", "workarounds", "rollback",
        "cleanup", "repair", "solution", "solutions",
    ]

    /// Reads a checklist (or any runbook) file.
    public init(_ file: LibraryFile) {
        path = file.path
        title = file.document.title ?? path
        variables = VariableDeclaration.declarations(in: file.document)
        var found: [(command: RunbookCommand, fixes: Bool)] = []
        var section = ""
        // The level of the fixing section the walk is in, until a heading of that level or above.
        var fixLevel: Int?
        var fixHeading = ""
        var fixHeadings: [String] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let heading):
                    section = Inline.plainText(heading.text)
                    if let level = fixLevel, heading.level <= level { fixLevel = nil }
                    if fixLevel == nil, Self.isFixHeading(section) { (fixLevel, fixHeading) = (heading.level, section) }
                case .code(let code):
                    let commands = RunbookCommand.commands(in: code, section: section)
                    found += commands.map { ($0, fixLevel != nil) }
                    if fixLevel != nil, !commands.isEmpty, !fixHeadings.contains(fixHeading) {
                        fixHeadings.append(fixHeading)
                    }
                case .list(let list): list.items.forEach { visit($0.blocks) }
                case .quote(let quote): visit(quote.blocks)
                default: break
                }
            }
        }
        visit(file.document.blocks)
        found = Self.settingShellVariables(found)
        commands = found.map(\.command)
        fixSteps = found.filter(\.fixes).map(\.command)
        self.fixHeadings = fixHeadings
        patterns = ErrorPattern.patterns(in: file.document)
    }

    /// The commands with the shell variables the runbook leaves to its reader (`ShellVariables`) made
    /// usable: a command made only of assignments is not run on its own; a command using a variable one of
    /// them computes (`export NAMESPACE="$(oc get ...)"`) runs after it (and after the assignments that one
    /// needs, in the runbook's order), in the same shell; any other reader's variable (`$NAMESPACE` with
    /// no such command, or after `NAMESPACE='<value>'`) becomes the placeholder `{{NAMESPACE}}`, filled
    /// from `--set` (or the environment) as one word. An assignment under a fixing heading serves only
    /// the fixing steps, which are never evidence; it stays one of them.
    static func settingShellVariables(_ found: [(command: RunbookCommand, fixes: Bool)])
        -> [(command: RunbookCommand, fixes: Bool)]
    {
        struct Computed {
            /// The assignment commands that set the variable, by their place in the runbook.
            var lines: [Int: String]
            var written: [String: String]
            var fixes: Bool
        }
        var computed: [String: Computed] = [:]
        var result: [(command: RunbookCommand, fixes: Bool)] = []
        for (position, (command, fixes)) in found.enumerated() {
            var command = command
            // A fixing step's assignment is no evidence's setup.
            let visible = computed.filter { fixes || !$0.value.fixes }
            var lines: [Int: String] = [:]
            for reference in ShellVariables.references(in: command.command) {
                guard let needed = visible[reference.name] else { continue }
                lines.merge(needed.lines) { first, _ in first }
                command.setupPlaceholders.merge(needed.written) { first, _ in first }
            }
            command.setup = lines.keys.sorted().map { lines[$0]! }
            // Read as written: `BB=$XX` computes BB; only `NAME=<value>` (or `{{value}}`) asks for it.
            let definitions = ShellVariables.definitions(in: command.command)
            let converted = ShellVariables.placeholders(in: command.command, skipping: Set(visible.keys))
            command.command = converted.text
            command.shellVariableNames = converted.names
            if let definitions {
                lines[position] = command.command
                for (name, definition) in definitions {
                    computed[name] =
                        definition == .computed
                        ? Computed(lines: lines, written: command.writtenPlaceholders, fixes: fixes) : nil
                }
                if !fixes { continue }
            }
            result.append((command, fixes))
        }
        return result
    }

    /// Whether a heading names a section of fixing steps: "Mitigation", "How to fix", "Recovery".
    static func isFixHeading(_ text: String) -> Bool {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).contains { fixHeadingWords.contains(String($0)) }
    }

    /// The checklist without its fixing steps: the evidence of a runbook that is its own checklist (a
    /// collection of one file per alert), whose Mitigation section changes things rather than looks.
    public func withoutFixSteps() -> Checklist {
        var copy = self
        copy.commands.removeAll { fixSteps.contains($0) }
        copy.excludesFixSteps = true
        return copy
    }
}
