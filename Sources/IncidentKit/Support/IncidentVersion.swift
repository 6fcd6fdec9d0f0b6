/// The version `incident --version` prints.
public enum IncidentVersion {
    public static let current = "0.1.0"
}
