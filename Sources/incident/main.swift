import IncidentKit

print("incident \(IncidentVersion.current)")
