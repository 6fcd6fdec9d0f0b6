/// The options a command accepts, and the parsed values of one invocation. A deliberately small parser:
/// long options with a value (`--top 3` or `--top=3`), flags, repeatable options, `--` and positionals.
public struct ArgumentParser: Sendable {
    /// One option a command accepts.
    public struct Option: Sendable, Hashable {
        public var name: String
        /// The value's placeholder in usage text (`DIR`), nil for a flag.
        public var value: String?
        public var help: String
        public var repeatable = false

        public static func flag(_ name: String, _ help: String) -> Option {
            Option(name: name, value: nil, help: help)
        }
        public static func value(_ name: String, _ placeholder: String, _ help: String, repeatable: Bool = false)
            -> Option
        {
            Option(name: name, value: placeholder, help: help, repeatable: repeatable)
        }
    }

    /// The parsed arguments of one invocation.
    public struct Parsed: Sendable, Equatable {
        public var positionals: [String] = []
        public var values: [String: [String]] = [:]
        public var flags: Set<String> = []

        public func flag(_ name: String) -> Bool { flags.contains(name) }
        public func value(_ name: String) -> String? { values[name]?.last }
        public func all(_ name: String) -> [String] { values[name] ?? [] }
    }

    public var options: [Option]

    public init(options: [Option]) {
        self.options = options + [.flag("help", "Show this help.")]
    }

    /// Parses `arguments` (without the program and command names).
    public func parse(_ arguments: [String]) throws(IncidentError) -> Parsed {
        var parsed = Parsed()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            // After `--` an option of the command is text, which is seldom meant: `triage -- "-x 502"
            // --dry-run` would run the commands it was asked only to show.
            if onlyPositionals, argument.hasPrefix("--"),
                options.contains(where: { argument == "--" + $0.name || argument.hasPrefix("--" + $0.name + "=") })
            {
                throw .usage(
                    "'\(argument)' comes after --, where it would be read as text, not as an option; "
                        + "put the options before --")
            }
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" {
                parsed.flags.insert("help")
                continue
            }
            // Often pasted text (`-bash: fork: ...`), not a mistyped option.
            let pasted = "unknown option '\(argument)'; an argument that starts with '-' goes after --"
            guard argument.hasPrefix("--") else { throw .usage(pasted) }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = options.first(where: { $0.name == name }) else {
                throw .usage(name.contains(" ") ? pasted : "unknown option '--\(name)'")
            }
            if option.value == nil {
                if inlineValue != nil { throw .usage("option '--\(name)' takes no value") }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw .usage("option '--\(name)' needs a value (\(option.value!))")
            }
            if !option.repeatable, parsed.values[name] != nil {
                throw .usage("option '--\(name)' given more than once")
            }
            parsed.values[name, default: []].append(value)
        }
        return parsed
    }
}
