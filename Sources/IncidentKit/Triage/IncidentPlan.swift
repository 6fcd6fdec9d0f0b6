/// The library files an incident uses, found from its route: the route's targets, and what the targets
/// link to (a triage flow names its form, gates and report template); else the library's defaults.
public struct IncidentPlan: Sendable {
    public var form: IncidentForm?
    public var checklists: [Checklist]
    /// The runbooks the route leads to (its flow, or the one file of an index-less route).
    public var runbooks: [String]
    public var workflow: Workflow?
    public var gates: [GateSet]
    /// The report template's path and text.
    public var template: (path: String, text: String)?
    /// Every file the plan uses, for the change check on resume.
    public var files: [String]

    public static let defaultForm = "forms/INCIDENT_MIN.md"
    public static let defaultTemplate = "artifacts/incident_report.md"

    public init(library: Library, targets: [String]) {
        var reached: [String] = []
        for target in targets where library.files[target] != nil && !reached.contains(target) { reached.append(target) }
        for target in targets {
            for link in library.links(in: target) {
                if let path = link.resolved, library.files[path] != nil, !reached.contains(path) {
                    reached.append(path)
                }
            }
        }
        func of(_ kind: LibraryFile.Kind) -> [LibraryFile] {
            reached.compactMap { library.files[$0] }.filter { $0.kind == kind }
        }
        let directChecklists = targets.compactMap { library.files[$0] }.filter { $0.kind == .checklist }
        let checklistFiles = directChecklists.isEmpty ? of(.checklist) : directChecklists
        if checklistFiles.isEmpty {
            // A runbook of a collection without checklists (one file per alert): its own commands are
            // the evidence it asks for, except those of its fixing sections (Mitigation...).
            checklists = targets.compactMap { library.files[$0] }.filter { $0.kind == .runbook }.map {
                Checklist($0).withoutFixSteps()
            }
        } else {
            checklists = checklistFiles.map(Checklist.init)
        }
        runbooks = targets.filter { library.files[$0]?.kind == .runbook }
        workflow = of(.workflow).first.map(Workflow.init)
        let formFile = of(.form).first ?? library.files[Self.defaultForm]
        form = formFile.map(IncidentForm.init)
        let gateFiles = of(.gate)
        gates =
            (gateFiles.isEmpty ? library.paths.compactMap { library.files[$0] }.filter { $0.kind == .gate } : gateFiles)
            .map(GateSet.init)
        let templateFile =
            of(.artifact).first { $0.path.lowercased().contains("report") }
            ?? library.files[Self.defaultTemplate]
        template = templateFile.flatMap { file in
            FileSystem.read(library.root + "/" + file.path).map { (file.path, String(decoding: $0, as: UTF8.self)) }
        }
        // A collection without a report template (most teams' runbooks) still gets a report: the
        // template of the library shipped with incident.
        if template == nil { template = Self.builtIn(Self.defaultTemplate) }
        var used = reached
        for path in [formFile?.path, templateFile?.path] + gates.map(\.path) + checklists.map(\.path) {
            if let path, !used.contains(path) { used.append(path) }
        }
        files = used
    }

    /// A template of the library shipped with incident, as `("(built-in) PATH", text)`.
    static func builtIn(_ path: String) -> (path: String, text: String)? {
        guard let shipped = LibraryLocator.shipped, let bytes = FileSystem.read(shipped + "/" + path) else {
            return nil
        }
        return ("(built-in) " + path, String(decoding: bytes, as: UTF8.self))
    }

    /// The variables every command of the incident may use: the checklists' and the workflow's.
    public var declarations: [VariableDeclaration] {
        checklists.flatMap(\.variables) + (workflow.map { Self.declarations(of: $0) } ?? [])
    }

    static func declarations(of workflow: Workflow) -> [VariableDeclaration] { workflow.variables }
}
