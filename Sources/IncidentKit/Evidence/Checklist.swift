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
        var commands: [RunbookCommand] = []
        var fixSteps: [RunbookCommand] = []
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
                    let found = RunbookCommand.commands(in: code, section: section)
                    commands += found
                    if fixLevel != nil, !found.isEmpty {
                        fixSteps += found
                        if !fixHeadings.contains(fixHeading) { fixHeadings.append(fixHeading) }
                    }
                case .list(let list): list.items.forEach { visit($0.blocks) }
                case .quote(let quote): visit(quote.blocks)
                default: break
                }
            }
        }
        visit(file.document.blocks)
        self.commands = commands
        self.fixSteps = fixSteps
        self.fixHeadings = fixHeadings
        patterns = ErrorPattern.patterns(in: file.document)
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
