import Foundation

/// Decides whether a gate passed from what its check printed. Pure: the caller runs the check (or decides
/// it cannot run) and passes the outcome in.
public enum GateEvaluator {
    /// The zone of log times written without one, unless the caller says otherwise.
    public static let defaultTimeZone = TimeZone(secondsFromGMT: 0) ?? .current

    /// The result of `gate`.
    ///
    /// - `unavailable` (a required tool is missing, a variable is unset: the reason) makes the gate
    ///   `.unknown`, as does a gate without a check, an expectation or a result, or a check interrupted by
    ///   Ctrl-C. An unknown gate never counts as passed.
    /// - A check that timed out or was killed by a signal fails, whatever its expectation.
    /// - Otherwise the expectation is tested against standard output with surrounding white space removed.
    ///   `output contains` / `does not contain` compare exact text (case matters); `output matches` searches
    ///   with a regular expression whose `^` and `$` anchor the whole output; `HTTP` reads a status code
    ///   (`200`, or the code of a `HTTP/1.1 502 Bad Gateway` status line) and accepts classes such as
    ///   `2xx`. `no output` and `does not contain` are `.unknown` when the check exited non-zero and wrote
    ///   to standard error, so a check that could not read its log never passes as "no errors".
    /// - With `since` (for a gate with `**Since:** last-mitigation`: `IncidentRecord.logWindowStart`), output
    ///   lines whose leading timestamp (see `LogTimestamp`) is
    ///   before the second of `since` are dropped first; lines without a timestamp are kept.
    ///
    /// - Parameters:
    ///   - command: the check as it ran (variables substituted); the gate's `check` when nil.
    ///   - timeZone: the zone of log times written without one; UTC unless the caller knows the host's.
    public static func evaluate(
        _ gate: Gate, command: String?, result: CommandResult?, unavailable: String?, since: Date?,
        timeZone: TimeZone = defaultTimeZone
    ) -> GateResult {
        let (status, detail) = outcome(
            gate, result: result, unavailable: unavailable, since: since, timeZone: timeZone)
        return GateResult(
            title: gate.title, required: gate.isRequired, expectation: gate.expectation?.description ?? "none",
            status: status, detail: detail, command: command ?? gate.check)
    }

    private static func outcome(
        _ gate: Gate, result: CommandResult?, unavailable: String?, since: Date?, timeZone: TimeZone
    ) -> (GateResult.Status, String) {
        if let unavailable { return (.unknown, unavailable) }
        guard gate.check != nil else { return (.unknown, "no check to run: confirm it by hand") }
        guard let expectation = gate.expectation else {
            return (.unknown, "no **Expect:** the tool understands")
        }
        guard let result else { return (.unknown, "not run") }
        if result.interrupted { return (.unknown, "interrupted before it finished") }
        let output = CheckOutput(result, since: since, timeZone: timeZone)
        if result.timedOut {
            return (.fail, "timed out after \(seconds(result.duration))" + output.firstLineSuffix)
        }
        guard case .exited(let code) = result.status else {
            return (.fail, "killed by \(signalName(result.status))" + output.firstLineSuffix)
        }
        let expected = "(expected \(expectation))"
        switch expectation {
        case .exitStatus(let status):
            return code == status ? (.pass, "exit \(code)") : (.fail, output.exitDetail(code))
        case .outputContains(let text):
            if output.text.contains(text) { return (.pass, "output contains \"\(text)\"") }
            return (.fail, code == 0 || !output.hasErrors ? "\(output.printed) \(expected)" : output.exitDetail(code))
        case .outputLacks(let text):
            if let line = output.lines.first(where: { $0.contains(text) }) {
                return (.fail, "printed \(CheckOutput.shortened(line)) \(expected)")
            }
            if code != 0, output.hasErrors { return (.unknown, "the check failed: \(output.exitDetail(code))") }
            return (.pass, "output does not contain \"\(text)\"")
        case .outputMatches(let pattern):
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
                return (.unknown, "invalid regular expression /\(pattern)/")
            }
            let text = output.text
            if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                return (.pass, output.printed)
            }
            return (.fail, code == 0 || !output.hasErrors ? "\(output.printed) \(expected)" : output.exitDetail(code))
        case .noOutput:
            let window = since.map { " since \(clockTime($0))" } ?? ""
            if output.text.isEmpty {
                if code != 0, output.hasErrors { return (.unknown, "the check failed: \(output.exitDetail(code))") }
                return (.pass, since == nil ? "no output" : "no new lines\(window)")
            }
            let count = output.lines.count
            let noun = since == nil ? (count == 1 ? "line" : "lines") : (count == 1 ? "new line" : "new lines")
            let first = output.lines.first.map { ": \(CheckOutput.shortened($0))" } ?? ""
            return (.fail, "\(count) \(noun)\(window)\(first)")
        case .httpStatus(let codes):
            let printed = HTTPStatusCode.find(in: output.text)
            if let printed, codes.contains(where: { HTTPStatusCode.matches(printed, $0) }) {
                return (.pass, "printed \(printed)")
            }
            if printed == nil || printed == "000", code != 0, output.hasErrors {
                return (.fail, output.exitDetail(code))
            }
            return (.fail, "\(printed.map { "printed \($0)" } ?? output.printed) \(expected)")
        }
    }

    /// `10:45:01Z`: the UTC time of day of `date`.
    static func clockTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) % 86_400
        let day = seconds < 0 ? seconds + 86_400 : seconds
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(pad(day / 3_600)):\(pad(day / 60 % 60)):\(pad(day % 60))Z"
    }

    /// `5 s`, `1.5 s`.
    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = (Double(seconds) + Double(attoseconds) / 1e18) * 10
        let rounded = tenths.rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) s" : "\(rounded) s"
    }

    /// `signal 9 (SIGKILL)`.
    private static func signalName(_ status: TerminationStatus) -> String {
        guard case .signaled(let signal) = status else { return "\(status)" }
        let names: [Int32: String] = [
            1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE",
            14: "SIGALRM", 15: "SIGTERM",
        ]
        return names[signal].map { "signal \(signal) (\($0))" } ?? "signal \(signal)"
    }
}
