/// `incident route SYMPTOM`: shows which route a symptom takes, and why.
struct RouteCommand: Subcommand {
    let name = "route"
    let summary = "Show which runbook route a symptom takes, and why."
    let synopsis = "route SYMPTOM [--library DIR] [--top N] [--json]"
    let details = """
        SYMPTOM is what you see: an HTTP status, an alert name, a pasted log line. Timestamps, IPs, ids and
        durations in pasted lines are ignored. When no route is a confident match, the generic triage flow
        of the library is named as the fallback. A symptom that starts with '-' goes after --:
        incident route -- "-bash: fork: retry: Resource temporarily unavailable".

        Examples:
          incident route 502
          incident route "pods keep restarting" --library ../runbooks --top 5
          incident route "connect() failed (111: Connection refused)" --json
        """
    let options: [ArgumentParser.Option] = [
        .value("library", "DIR", "Runbook library to use (default: see 'incident --help')."),
        .value("top", "N", "Show the N best routes (default 3)."),
        .flag("json", "Print the result as JSON."),
    ]

    func run(_ parsed: ArgumentParser.Parsed, context: CommandContext) throws(IncidentError) -> ExitCode {
        // As typed: JSON escapes what a terminal must not see; the text output neutralises it when echoing.
        let symptom = parsed.positionals.joined(separator: " ").trimmed
        guard !symptom.isEmpty else { throw .usage("missing SYMPTOM") }
        var top = 3
        if let value = parsed.value("top") {
            guard let number = Int(value), number >= 1 else {
                throw .usage("--top needs a whole number of at least 1, not '\(value)'")
            }
            top = number
        }
        let root = try LibraryLocator.locate(
            explicit: parsed.value("library"), environment: context.environment,
            currentDirectory: context.currentDirectory)
        let console = context.console
        context.warnIfFolderOfLibrary(root)
        var noted = false
        // The note is erased as soon as loading ends, however it ends: before the result is written (on
        // a terminal both streams share a line) and before an error message.
        func eraseNote() {
            if noted { console.error(TerminalText.eraseLine) }
            noted = false
        }
        defer { eraseNote() }
        let loaded = try RouterLoader.load(root: root, environment: context.environment, symptom: symptom) {
            count, caching in
            // A passing note on a terminal that can erase it: reading thousands of runbooks takes a second
            // or more. Short, so that it fits on one line of a narrow terminal. A search that finds too many
            // runbooks to route from them alone is followed by reading them all for the cache.
            guard count >= Self.progressThreshold, console.errorsIsTerminal, context.environment["TERM"] != "dumb"
            else { return }
            eraseNote()
            console.error(
                caching ? "reading \(count) runbooks (cached for next time)…" : "searching \(count) runbooks…")
            noted = true
        }
        eraseNote()
        let router = loaded.router
        for path in loaded.undecodable {
            console.error(
                console.yellowError("warning: ")
                    + "cannot open \(TerminalText.printable(path)): its file name is not valid UTF-8; rename it to route to it\n"
            )
        }
        for path in loaded.leftOut {
            console.error(
                console.yellowError("warning: ") + "\(TerminalText.printable(path)): "
                    + Library.whyLeftOut(path, root: root) + "\n")
        }
        for path in loaded.unreadable {
            console.error(
                console.yellowError("warning: ")
                    + "cannot read \(path); it routes as empty, and no route cache is kept until it can be read\n")
        }
        // (As lint says it: a folder with nothing to route to is a wrong --library, not "no match".)
        if loaded.runbookCount == 0, loaded.unreadable.isEmpty, loaded.undecodable.isEmpty {
            throw .usage("no runbooks in '\(root)': point --library at the runbook folder")
        }
        let result = router.route(symptom, top: top)
        if parsed.flag("json") {
            context.console.write(Self.json(result).rendered() + "\n")
        } else {
            context.console.write(Self.text(result, console: context.console))
        }
        return .success
    }

    /// From how many runbooks to read a terminal is told why the first run takes a moment.
    static let progressThreshold = 1000

    /// The JSON shape documented in DESIGN.md, plus `nearTie`, `fallback`, and each match's
    /// `missingTargets`: its links that lead nowhere in the library, as written (`targets` has only the
    /// paths that exist, so a script can tell a route with no targets from one whose targets are missing).
    static func json(_ result: RoutingResult) -> JSONValue {
        .object([
            ("symptom", .string(result.symptom)),
            ("confident", .bool(result.confident)),
            ("nearTie", .bool(result.nearTie)),
            ("fallback", result.fallback.map(JSONValue.string) ?? .null),
            (
                "matches",
                .array(
                    result.matches.map { match in
                        .object([
                            ("title", .string(match.route.title)),
                            ("file", .string(match.route.file)),
                            ("line", .integer(match.route.line)),
                            ("targets", .array(match.route.targetPaths.map(JSONValue.string))),
                            (
                                "missingTargets",
                                .array(
                                    match.route.targets.filter { $0.path == nil }.map { .string($0.destination) })
                            ),
                            ("score", .number(match.score)),
                            ("why", .array(match.why.map(JSONValue.string))),
                        ])
                    })
            ),
        ])
    }

    /// `3.14159` → `3.14`, without Foundation's formatter (it costs more than routing a small library).
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths % 100)
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The symptom as echoed back on a terminal: a pasted log of many kilobytes is cut after its first
    /// 200 characters, so that the answer stays on the screen (`--json` keeps it whole).
    static func echo(_ symptom: String) -> String {
        symptom.count <= 200 ? symptom : String(symptom.prefix(200)) + "… (\(symptom.count) characters)"
    }

    /// The result for a terminal. Everything that comes from the library's files or the command line
    /// (titles, paths, reasons, the symptom) is shown with its control characters neutralised: a
    /// runbook's title must not be able to clear the screen or colour what follows.
    static func text(_ result: RoutingResult, console: any Console) -> String {
        let shown = TerminalText.printable
        var text = ""
        if let best = result.best, result.confident {
            text += "\(console.bold(shown(best.route.title))) \(console.green("(confident match)"))\n"
            if result.nearTie, result.matches.count > 1 {
                let second = result.matches[1].route
                text +=
                    console.yellow(
                        "near tie: \"\(shown(second.title))\" (\(shown(second.file)):\(second.line)) scores almost as high"
                    )
                    + "\n"
            }
        } else {
            text += console.yellow("No confident match for \"\(Self.echo(shown(result.symptom)))\".") + "\n"
            if let fallback = result.fallback {
                text += "Fall back to the generic triage flow: \(shown(fallback))\n"
            } else if !result.matches.isEmpty {
                text += "This library has no generic triage flow; the closest routes follow.\n"
            } else {
                text += "This library has no generic triage flow.\n"
            }
        }
        if result.matches.isEmpty {
            text += "No route shares a word with the symptom.\n"
            return text
        }
        text += "\n"
        for (offset, match) in result.matches.enumerated() {
            let score = Self.twoDecimals(match.score)
            text += "\(offset + 1). \(console.bold(shown(match.route.title)))  \(console.dim("score \(score)"))\n"
            text += "   \(shown(match.route.file)):\(match.route.line)\n"
            if !match.route.targets.isEmpty {
                let targets = match.route.targets.map { $0.path ?? "\($0.destination) (missing)" }
                text += "   routes to: \(shown(targets.joined(separator: ", ")))\n"
            }
            for reason in match.why { text += "   why: \(shown(reason))\n" }
        }
        return text
    }
}
