import Foundation

/// Runs the quality gates' checks (in parallel) and evaluates each against its expectation. A gate
/// whose tool is missing or whose variable is unset is "unknown", never "pass". Read-only checks run
/// when `approveReadOnly` agrees to them (asked once, with their number); a check that would change
/// the system runs only when `approveMutating` says so. A gate whose check was not approved is "unknown".
public struct GateRunner {
    public var gates: [GateSet]
    public var scope: VariableScope
    public var runner: any CommandRunning
    public var tools: ToolLocator
    public var defaultTimeout: Duration?
    /// Asked once, before any check runs, whether the read-only checks (this many) may run. By default no.
    public var approveReadOnly: (_ count: Int) -> Bool
    /// Asked, one check at a time before any runs, whether a mutating check may run. By default none may.
    public var approveMutating: (_ gate: Gate, _ command: PreparedCommand) -> Bool

    public init(
        gates: [GateSet], scope: VariableScope, runner: any CommandRunning, tools: ToolLocator,
        defaultTimeout: Duration?, approveReadOnly: @escaping (Int) -> Bool = { _ in false },
        approveMutating: @escaping (Gate, PreparedCommand) -> Bool = { _, _ in false }
    ) {
        self.approveReadOnly = approveReadOnly
        self.gates = gates
        self.scope = scope
        self.runner = runner
        self.tools = tools
        self.defaultTimeout = defaultTimeout
        self.approveMutating = approveMutating
    }

    /// Runs every gate. `since` gives, for a gate marked `**Since:** last-mitigation`, the time from which
    /// its output lines count (`IncidentRecord.logWindowStart(forGate:)`).
    public func run(at time: Date, since: (Gate) -> Date) -> GateRun {
        let redactor = Redactor(secrets: scope.secrets)
        var prepared: [(gate: Gate, display: String?, spec: CommandSpec?, unavailable: String?)] = []
        var ready: [Int: PreparedCommand] = [:]
        for set in gates {
            for gate in set.gates {
                guard let check = gate.check else {
                    prepared.append((gate, nil, nil, "a manual check with no command: confirm it yourself"))
                    continue
                }
                var annotations = CommandAnnotations()
                annotations.requires = gate.requires
                let command = PreparedCommand.prepare(
                    RunbookCommand(
                        title: gate.title, command: check, annotations: annotations, section: gate.title,
                        line: gate.line),
                    path: set.path, scope: scope, tools: tools, redactor: redactor)
                if command.notReadyReason == nil { ready[prepared.count] = command }
                prepared.append((gate, command.display, nil, command.notReadyReason))
            }
        }
        let readOnly = ready.filter { !$0.value.isMutating }.count
        let readOnlyApproved = readOnly == 0 || approveReadOnly(readOnly)
        for (index, command) in ready.sorted(by: { $0.key < $1.key }) {
            if command.isMutating, !approveMutating(prepared[index].gate, command) {
                let reasons = command.reasons.joined(separator: "; ")
                prepared[index].unavailable = "not run: the check changes the system (\(reasons)); confirm it by hand"
            } else if !command.isMutating, !readOnlyApproved {
                prepared[index].unavailable = "not run: not confirmed (pass --yes to run the gate checks)"
            } else {
                prepared[index].spec = command.spec(
                    outputFile: nil, secrets: scope.secrets, defaultTimeout: defaultTimeout)
            }
        }
        let runnable = prepared.enumerated().compactMap { index, item in item.spec.map { (index, $0) } }
        let outcomes = runner.runAll(runnable.map(\.1), progress: nil)
        var results: [Int: CommandResult] = [:]
        var failures: [Int: String] = [:]
        for (position, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let result): results[runnable[position].0] = result
            case .failure(let error): failures[runnable[position].0] = "could not run: \(error)"
            }
        }
        let evaluated = prepared.enumerated().map { index, item in
            GateEvaluator.evaluate(
                item.gate, command: item.display, result: results[index],
                unavailable: item.unavailable ?? failures[index],
                since: item.gate.since == "last-mitigation" ? since(item.gate) : nil, timeZone: .current)
        }
        return GateRun(at: time, results: evaluated)
    }
}
