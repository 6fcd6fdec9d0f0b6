import IncidentKit
import Testing

@Test func versionIsSemantic() {
    #expect(IncidentVersion.current.split(separator: ".").count == 3)
}
