/// A quality gate: a check command and what it must show before the incident counts as mitigated.
public struct Gate: Sendable, Hashable {
    public var title: String
    /// The command to run, nil for a gate written only as a checklist item.
    public var check: String?
    public var expectation: GateExpectation?
    public var isRequired: Bool
    /// Tools the check needs; when one is missing the gate is "unknown", never "pass".
    public var requires: [String]
    /// `last-mitigation`: only log lines written since the last mitigation step count.
    public var since: String?
    public var line: Int
    /// The `**Expect:**` text as written, also when it is not understood (`expectation` nil).
    public var expectText: String? = nil
}
