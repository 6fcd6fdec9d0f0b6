import Foundation

/// Everything known about one incident, saved as `state.json` after every answer and every step so
/// that `incident resume` continues where a crash, Ctrl-C or lost SSH session stopped.
public struct IncidentRecord: Codable, Sendable, Equatable {
    /// The stages of a triage run, in order; `phase` is the first one not finished.
    public enum Phase: String, Codable, Sendable, Comparable, CaseIterable {
        case form, severity, evidence, findings, workflow, gates, report, done

        public static func < (lhs: Phase, rhs: Phase) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var id: String
    public var symptom: String
    public var openedAt: Date
    /// The library root the incident was opened with.
    public var library: String
    public var route: RouteChoice
    /// A hash of each library file the incident uses, taken when it opened (resume warns on change).
    public var fileHashes: [String: String]
    public var formPath: String?
    /// Form answers by field key, and variables set with `--set` that are not form fields.
    public var answers: [String: String] = [:]
    public var variables: [String: String] = [:]
    /// Partial multi-line answers, saved line by line so an interruption loses nothing typed.
    public var drafts: [String: String] = [:]
    /// Keys whose values are secret: never printed or written unredacted.
    public var secretKeys: [String] = []
    public var severity: SeverityDecision?
    public var evidence: [EvidenceItem] = []
    public var findings: [Finding] = []
    public var actions: [WorkflowAction] = []
    public var gateRuns: [GateRun] = []
    /// The next workflow step to run (0-based); steps before it are done.
    public var nextStep = 0
    /// When the last command that changed the system finished: gates that read logs count only lines
    /// written after it.
    public var lastMitigationAt: Date?
    public var mitigatedAt: Date?
    /// The reason given with `--override`, when the incident was called mitigated despite failing gates.
    public var override: String?
    public var phase: Phase = .form
    /// Redactions made so far, by kind.
    public var redactions: [String: Int] = [:]
    public var reportPath: String?
    /// The route's own severity (`**Severity:**` in the index), the fallback of the decision table.
    public var routeSeverity: String?
    /// Whether this run only showed commands (`--dry-run`).
    public var dryRun = false

    public init(id: String, symptom: String, openedAt: Date, library: String, route: RouteChoice) {
        self.id = id
        self.symptom = symptom
        self.openedAt = openedAt
        self.library = library
        self.route = route
        self.fileHashes = [:]
    }
}

/// The route an incident follows, as decided when it opened.
public struct RouteChoice: Codable, Sendable, Equatable {
    public var title: String
    public var file: String
    public var line: Int
    /// Library-relative paths of the flow, checklists and workflow.
    public var targets: [String]
    public var confident: Bool
    public var why: [String]
    /// Set when the route was taken despite a near tie or no confident match.
    public var warning: String?

    public init(
        title: String, file: String, line: Int, targets: [String], confident: Bool, why: [String], warning: String?
    ) {
        self.title = title
        self.file = file
        self.line = line
        self.targets = targets
        self.confident = confident
        self.why = why
        self.warning = warning
    }
}

/// The severity of an incident: proposed from the answers by the library's decision table, or set.
public struct SeverityDecision: Codable, Sendable, Equatable {
    /// `SEV1` ... `SEV4`.
    public var level: String
    /// The table's condition ("Complete outage").
    public var condition: String
    /// Response target ("Immediate", "15 min").
    public var response: String
    public var escalateTo: String
    /// Why: the phrase of the answer that matched, or "set with --set severity=SEV2".
    public var reason: String

    public init(level: String, condition: String, response: String, escalateTo: String, reason: String) {
        self.level = level
        self.condition = condition
        self.response = response
        self.escalateTo = escalateTo
        self.reason = reason
    }
}

/// One evidence command of a checklist and what became of it.
public struct EvidenceItem: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// It ran; see the exit status.
        case ran
        /// Not run: it needs variables nobody supplied (`missing`).
        case skippedMissingVariables
        /// Not run: a tool it requires is not installed here (`unavailable`).
        case unavailable
        /// Not run: it changes the system, and evidence collection never does.
        case mutatingNotRun
        /// Not run: `--dry-run`.
        case dryRun
        /// Not run: its placeholder stands where a value could become code.
        case unsafe
        /// Not run: it runs until stopped and prints no evidence meanwhile (`kubectl port-forward`, `top`).
        case runsUntilStopped
        /// Not run: read-only commands run only when confirmed (`--yes`, or yes on the terminal).
        case notConfirmed
        /// Not run yet (the run was interrupted before it).
        case pending
    }

    public var title: String
    /// Where it is written: `checklists/NGINX_502_EVIDENCE.md:31`.
    public var source: String
    /// The command as it runs (values substituted, secrets redacted).
    public var command: String
    public var status: Status
    public var exitCode: Int32?
    public var signal: Int32?
    public var timedOut: Bool = false
    public var durationMilliseconds: Int?
    /// Path of the full output, relative to the incident folder.
    public var outputFile: String?
    /// The first lines of output, redacted.
    public var excerpt: [String] = []
    /// Every output line kept for findings (redacted, bounded), stdout then stderr.
    public var lines: [String] = []
    public var missing: [String] = []
    public var note: String?
    /// For a command that follows its output (`tail -f`): the seconds it ran before the tool stopped it,
    /// as planned (its output is the evidence; it did not time out).
    public var followedSeconds: Int?

    public init(title: String, source: String, command: String, status: Status) {
        self.title = title
        self.source = source
        self.command = command
        self.status = status
    }
}

/// A likely cause: an error pattern of the checklist found in the evidence.
public struct Finding: Codable, Sendable, Equatable {
    /// What it means ("Upstream not running").
    public var meaning: String
    public var pattern: String
    /// Where the pattern is written: `checklists/NGINX_502_EVIDENCE.md:70`.
    public var patternSource: String
    /// The first evidence line that matched, quoted.
    public var evidenceLine: String
    /// The command whose output it came from ("form: error text" for the pasted error).
    public var command: String
    /// How many evidence lines matched.
    public var matches: Int
    public var score: Double

    public init(
        meaning: String, pattern: String, patternSource: String, evidenceLine: String, command: String, matches: Int,
        score: Double
    ) {
        self.meaning = meaning
        self.pattern = pattern
        self.patternSource = patternSource
        self.evidenceLine = evidenceLine
        self.command = command
        self.matches = matches
        self.score = score
    }
}

/// What was done with one workflow command.
public struct WorkflowAction: Codable, Sendable, Equatable {
    public enum Decision: String, Codable, Sendable {
        case ran, skipped, aborted, dryRun, skippedMissingVariables, unavailable, rollback
    }
    public var step: Int
    public var stepTitle: String
    public var command: String
    public var mutating: Bool
    public var decision: Decision
    public var exitCode: Int32?
    public var durationMilliseconds: Int?
    public var at: Date
    public var note: String?

    public init(step: Int, stepTitle: String, command: String, mutating: Bool, decision: Decision, at: Date) {
        self.step = step
        self.stepTitle = stepTitle
        self.command = command
        self.mutating = mutating
        self.decision = decision
        self.at = at
    }
}

/// One run of the quality gates.
extension IncidentRecord {
    /// From when a `**Since:** last-mitigation` gate counts log lines: the end of the last mitigation
    /// step, or a later gate run in which this gate passed; the incident's start when neither happened.
    /// A run in which the gate failed or was not checked does not move it, so checking again with nothing
    /// changed cannot turn a failure into a pass. Logs stamp whole seconds, and a line stamped in the
    /// second a step or run ended may predate its end: such a time counts from the next whole second.
    public func logWindowStart(forGate title: String) -> Date {
        let passed = gateRuns.last { run in run.results.contains { $0.title == title && $0.status == .pass } }?.at
        guard let last = [lastMitigationAt, passed].compactMap({ $0 }).max(), last > openedAt else {
            return openedAt
        }
        return Date(timeIntervalSince1970: last.timeIntervalSince1970.rounded(.up))
    }
}

public struct GateRun: Codable, Sendable, Equatable {
    public var at: Date
    public var results: [GateResult]

    public init(at: Date, results: [GateResult]) {
        self.at = at
        self.results = results
    }

    /// Whether every required gate passed.
    public var passed: Bool { results.allSatisfy { !$0.required || $0.status == .pass } }
}

/// The outcome of one gate.
public struct GateResult: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case pass, fail
        /// It could not be evaluated (its tool is missing, a variable is unset): never a pass.
        case unknown
    }
    public var title: String
    public var required: Bool
    public var expectation: String
    public var status: Status
    /// What was seen: "printed 502", "exit 7", "curl is not installed".
    public var detail: String
    public var command: String?

    public init(title: String, required: Bool, expectation: String, status: Status, detail: String, command: String?) {
        self.title = title
        self.required = required
        self.expectation = expectation
        self.status = status
        self.detail = detail
        self.command = command
    }
}
