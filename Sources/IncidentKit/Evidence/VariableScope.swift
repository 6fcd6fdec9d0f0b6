/// The values the commands of an incident may use: `--set` first, then the form answer of the same key,
/// then the runbook's default. Secret variables (declared secret, or a secret form field) are redacted
/// from everything shown or written.
public struct VariableScope: Sendable {
    public var variables: [String: Variable]

    public init(declarations: [VariableDeclaration], record: IncidentRecord, form: IncidentForm?) {
        var variables: [String: Variable] = [:]
        for declaration in declarations where variables[declaration.name] == nil {
            variables[declaration.name] = Variable(
                name: declaration.name, defaultValue: declaration.defaultValue, isSecret: declaration.isSecret)
        }
        let secretFields = Set((form?.fields ?? []).filter(\.isSecret).map(\.key) + record.secretKeys)
        for (key, value) in record.answers {
            var variable = variables[key] ?? Variable(name: key)
            variable.value = value
            variable.isSecret = variable.isSecret || secretFields.contains(key)
            variables[key] = variable
        }
        for (key, value) in record.variables {
            var variable = variables[key] ?? Variable(name: key)
            variable.value = value
            variable.isSecret = variable.isSecret || secretFields.contains(key)
            variables[key] = variable
        }
        self.variables = variables
    }

    /// The values to redact.
    public var secrets: [String] {
        // Every value, however short: the runner redacts exactly what the commands were given.
        IncidentRecord.searchForms(
            of: variables.values.filter(\.isSecret).compactMap(\.effectiveValue), minimumLength: 1)
    }
}
