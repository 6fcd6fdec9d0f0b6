import Testing

@testable import IncidentKit

@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("plain", "`plain`"), ("a `b` c", "``a `b` c``"), ("`starts", "`` `starts ``"), ("", "` `"),
        ("two\nlines", "`two ⏎ lines`"),
    ])
    func codeSpans(text: String, span: String) {
        #expect(MarkdownText.codeSpan(text) == span)
    }

    @Test(arguments: [
        ("a|b", "a\\|b"), ("a\\|b", "a\\|b"), ("a\\\\|b", "a\\\\\\|b"), ("one\ntwo\r\nthree", "one<br>two<br>three"),
    ])
    func tableCells(text: String, cell: String) {
        #expect(MarkdownText.tableCell(text) == cell)
    }

    @Test(arguments: [
        ("# heading", "\\# heading"), ("> quote", "\\> quote"), ("- item", "\\- item"), ("-1 degrees", "-1 degrees"),
        ("```", "\\```"), ("`code` span", "`code` span"), ("===", "\\==="), ("2. item", "2\\. item"),
        ("2.5 s", "2.5 s"), ("plain", "plain"),
    ])
    func lineStarts(text: String, escaped: String) {
        #expect(MarkdownText.lineStart(text) == escaped)
    }

    @Test(arguments: [
        (0, "0 ms"), (999, "999 ms"), (1_000, "1.0 s"), (8_412, "8.4 s"), (59_999, "59.9 s"), (61_000, "1 min 1 s"),
        (3_723_000, "1 h 2 min"), (-5, "0 ms"),
    ])
    func durations(milliseconds: Int, text: String) {
        #expect(ReportTime.duration(milliseconds: milliseconds) == text)
    }
}
