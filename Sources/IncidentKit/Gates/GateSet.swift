/// The gates of a gates file: one per heading with a `**Check:**` label, and plain checklist items
/// (`- [ ] Service is running`) as gates without a check.
public struct GateSet: Sendable {
    public var path: String
    public var gates: [Gate]

    public init(_ file: LibraryFile) {
        path = file.path
        gates = []
        var current: Gate?
        func finish() {
            if let gate = current, gate.check != nil { gates.append(gate) }
            current = nil
        }
        for block in file.document.allBlocks {
            switch block {
            case .heading(let heading):
                finish()
                current = Gate(
                    title: Inline.plainText(heading.text), check: nil, expectation: nil, isRequired: true, requires: [],
                    since: nil, line: heading.line)
            case .paragraph(let paragraph):
                guard current != nil else { continue }
                for label in BoldLabel.labels(in: paragraph) {
                    switch label.name.lowercased() {
                    case "check", "command":
                        current!.check =
                            Inline.codeSpans(in: label.value).first ?? Inline.plainText(label.value).trimmed
                    case "expect", "expected", "expectation":
                        current!.expectation = GateExpectation.parse(label.value)
                        current!.expectText = Inline.plainText(label.value).trimmed
                    case "required":
                        current!.isRequired = !["no", "false", "optional"].contains(
                            Inline.plainText(label.value).trimmed.lowercased())
                    case "requires", "needs":
                        current!.requires = Inline.plainText(label.value).split(whereSeparator: {
                            $0 == "," || $0 == " "
                        }).map(String.init)
                    case "since":
                        current!.since = Inline.plainText(label.value).trimmed.lowercased()
                    default:
                        break
                    }
                }
            case .list(let list) where current?.check == nil:
                for item in list.items where item.task != nil {
                    gates.append(
                        Gate(
                            title: Inline.plainText(item.title), check: nil, expectation: nil, isRequired: true,
                            requires: [], since: nil, line: item.line))
                }
            default:
                break
            }
        }
        finish()
    }
}
