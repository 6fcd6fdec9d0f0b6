import Foundation

/// What a gate's check must show to pass.
public enum GateExpectation: Sendable, Hashable, CustomStringConvertible {
    case exitStatus(Int32)
    case outputContains(String)
    case outputMatches(String)
    /// The check prints nothing (after `**Since:**` filtering).
    case noOutput
    case outputLacks(String)
    /// The check prints an HTTP status code; it must be in this set of codes or classes (`2xx`).
    case httpStatus([String])

    /// Reads `exit 0`, `no output`, `output does not contain `text``, `output contains `text``, `output matches `regex``, `HTTP 200`, `HTTP 2xx`.
    static func parse(_ text: String) -> GateExpectation? {
        let plain = Inline.plainText(text).trimmed
        let lower = plain.lowercased()
        let span = Inline.codeSpans(in: text).first
        if lower.hasPrefix("exit") {
            let digits = lower.filter(\.isNumber)
            return Int32(digits).map(GateExpectation.exitStatus)
        }
        if lower == "no output" || lower == "empty output" || lower == "output is empty" || lower == "nothing" {
            return .noOutput
        }
        if lower.contains("does not contain") || lower.contains("lacks"), let value = span {
            return .outputLacks(value)
        }
        if lower.contains("contains"),
            let value = span ?? plain.components(separatedBy: "contains").last?.trimmed.unquoted
        {
            return .outputContains(value)
        }
        if lower.contains("matches"), let value = span ?? plain.components(separatedBy: "matches").last?.trimmed {
            return .outputMatches(value)
        }
        if lower.hasPrefix("http") {
            let codes = plain.dropFirst(4).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" }).map {
                String($0).lowercased()
            }.filter { $0.count == 3 }
            return codes.isEmpty ? nil : .httpStatus(codes)
        }
        return nil
    }

    public var description: String {
        switch self {
        case .exitStatus(let status): "exit \(status)"
        case .outputContains(let text): "output contains \"\(text)\""
        case .outputMatches(let pattern): "output matches /\(pattern)/"
        case .noOutput: "no output"
        case .outputLacks(let text): "output does not contain \"\(text)\""
        case .httpStatus(let codes): "HTTP \(codes.joined(separator: " or "))"
        }
    }
}
