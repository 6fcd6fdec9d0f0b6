import Foundation

/// Renders `incident_report.md` from a markdown template with `{{placeholders}}` and an incident's
/// record: the same record, timeline, workflow and time always give the same bytes.
///
/// Each placeholder is written to suit where it stands: in a fenced block as raw text (the fence is
/// lengthened if the text holds a backtick run as long as it), on a table row as an escaped cell, alone
/// on a line as a markdown block (a list or a table), elsewhere on one line. Placeholders the renderer
/// does not know stay as written, so a team's own template keeps its own.
public enum ReportRenderer {
    /// The placeholders the renderer fills.
    public static var knownPlaceholders: [String] { ReportValues.names }

    /// The report for `record`, from `template`; `now` is the only clock it reads.
    public static func render(
        template: String, record: IncidentRecord, timeline: [TimelineEvent], workflow: Workflow?, now: Date
    ) -> String {
        renderReport(template: template, record: record, timeline: timeline, workflow: workflow, now: now).text
    }

    /// The report for `record`, from `template`, with the placeholders it did not know.
    public static func renderReport(
        template: String, record: IncidentRecord, timeline: [TimelineEvent], workflow: Workflow?, now: Date
    ) -> RenderedReport {
        let sanitizer = ReportSanitizer(record: record)
        let events = sanitizer.timeline(timeline).enumerated()
            .sorted { $0.element.at != $1.element.at ? $0.element.at < $1.element.at : $0.offset < $1.offset }
            .map(\.element)
        let values = ReportValues(
            record: sanitizer.record(record), timeline: events, workflow: workflow, now: now, clean: sanitizer.clean)
        var unknown: [String] = []
        let text = ReportTemplate(template).render { name, site in
            guard let value = values.value(named: name) else {
                if !unknown.contains(name) { unknown.append(name) }
                return nil
            }
            return value.rendered(at: site)
        }
        return RenderedReport(text: record.dryRun ? dryRunMarked(text) : text, unknownPlaceholders: unknown)
    }

    /// Said at the top, under the title: a dry run's report is the plan, not an incident's outcome.
    static let dryRunBanner =
        "> **Dry run:** no command was run. This report shows what the tool would do; its findings, actions "
        + "and gates are not an incident's outcome.\n"

    private static func dryRunMarked(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let title = lines.firstIndex { $0.hasPrefix("# ") }
        let at = title.map { $0 + 1 } ?? 0
        lines.insert(contentsOf: ["", Substring(dryRunBanner.dropLast())], at: at)
        return lines.joined(separator: "\n")
    }

    /// Renders `template` for `record` and writes it to `path` atomically; placeholders the renderer
    /// does not know stay as written and are named in a warning on `console`.
    static func write(
        _ template: (path: String, text: String), record: IncidentRecord, timeline: [TimelineEvent],
        workflow: Workflow?, now: Date, to path: String, console: any Console
    ) throws(IncidentError) {
        let rendered = renderReport(
            template: template.text, record: record, timeline: timeline, workflow: workflow, now: now)
        if !rendered.unknownPlaceholders.isEmpty {
            let names = rendered.unknownPlaceholders.map { "{{\($0)}}" }.joined(separator: ", ")
            console.error(
                console.yellowError("warning: ") + "\(template.path): left as written, no value for \(names)\n")
        }
        guard FileSystem.writeAtomically(Array(rendered.text.utf8), to: path) else {
            throw .failure("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
    }

    /// The names of the placeholders in `template` (`incident.id`, `service`...), in order of first
    /// appearance, each once.
    public static func placeholders(in template: String) -> [String] {
        ReportTemplate(template).placeholderNames
    }
}
