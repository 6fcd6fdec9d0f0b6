import Testing

@testable import IncidentKit

@Suite struct LinterTests {
    @Test func defaultLibraryIsClean() throws {
        let library = try Library.load(root: Paths.packageRoot)
        #expect(Linter(library: library).run().map(\.description) == [])
    }

    @Test func plantedProblemsAreReportedWithTheirPositions() throws {
        let library = try Library.load(root: Paths.fixtures + "/broken-library")
        #expect(
            Linter(library: library).run().map(\.description) == [
                "checklists/EMPTY.md:1: error: checklist has no commands: put them in a ```bash block",
                "checklists/MARKED.md:1: warning: not reachable from the index runbooks/00_INDEX.md; link it from a route or a flow",
                "checklists/MARKED.md:5: warning: command \"Look at the service\" is marked [read-only] but looks mutating: restarts a service (systemctl restart); it is confirmed before it runs all the same",
                "checklists/MARKED.md:13: error: {{unit}} stands in a command that runs ssh, where its value could run as code; the command will be refused",
                "forms/DUPES.md:1: warning: not reachable from the index runbooks/00_INDEX.md; link it from a route or a flow",
                "forms/DUPES.md:4: error: field 2) has the key 'service' of field 1) (line 3): give it a key of its own, as `key` at the end of its label",
                "forms/DUPES.md:5: error: the default 'yesterday' of field 3) is not one of its choices (dev, staging, production)",
                "forms/DUPES.md:10: warning: these lines look like a table but have no |---| line under the header, so they are read as text: add one",
                "forms/EMPTY.md:1: error: form has no fields: write them as a numbered list (1) Label)",
                "gates/GATES.md:1: warning: not reachable from the index runbooks/00_INDEX.md; link it from a route or a flow",
                "gates/GATES.md:3: error: gate \"Disk has room\" has a check but its **Expect:** `sometimes` is not understood (exit 0, output contains `x`, HTTP 200)",
                "gates/GATES.md:7: error: the command leaves ' open, so the shell will reject it: close it, or end the line with \\ to go on with the next",
                "runbooks/00_INDEX.md:5: error: route \"Disk full\" links to missing file '../checklists/MISSING.md'",
                "runbooks/00_INDEX.md:8: error: example \"certificate expired on the load balancer\" routes to \"Certificates\" instead of \"Disk full\"",
                "runbooks/00_INDEX.md:10: error: route \"Certificates\" has no targets; add a **Route:** line of links",
                "runbooks/00_INDEX.md:11: warning: keyword \"inode\" of route \"Certificates\" is also a keyword of route \"Disk full\" (runbooks/00_INDEX.md:4)",
                "runbooks/DISK.md:4: warning: link to missing file '../../../etc/passwd'",
                "runbooks/DISK.md:4: warning: link to missing file '/etc/hosts'",
                "runbooks/DISK.md:6: error: unterminated code fence: '```' is never closed",
                "runbooks/ORPHAN.md:1: warning: not reachable from the index runbooks/00_INDEX.md; link it from a route or a flow",
                "runbooks/ORPHAN.md:5: error: {{mount}} stands in a command that runs sh, where its value could run as code; the command will be refused",
                "workflows/FIX.md:1: warning: not reachable from the index runbooks/00_INDEX.md; link it from a route or a flow",
                "workflows/FIX.md:10: error: {{mount}} stands in a command that runs sh, where its value could run as code; the command will be refused",
            ])
    }

    @Test func corporaLoadAndLintReportsOnlyTheirRealUnterminatedFences() throws {
        let library = try Library.load(root: Paths.corpora)
        #expect(library.index.isAutomatic)
        #expect(library.index.routes.count >= 370)
        let errors = Linter(library: library).run().filter { $0.severity == .error }
        #expect(
            errors.map(\.description) == [
                "openshift-runbooks/alerts/openshift-virtualization-operator/GuestVCPUQueueHighCritical.md:22: error: unterminated code fence: '```' is never closed",
                "prometheus-operator-runbooks/content/runbooks/prometheus-operator/PrometheusOperatorNodeLookupErrors.md:20: error: unterminated code fence: '```' is never closed",
            ])
    }
}
