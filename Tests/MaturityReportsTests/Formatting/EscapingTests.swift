import MaturityCore
import MaturityReports
import Testing

@Suite struct EscapingTests {
    @Test func markdownCellsEscapePipesAndLineBreaks() {
        #expect(Markdown.cell("a|b\nc") == "a\\|b<br>c")
    }

    @Test func markdownNeutralisesHTMLButKeepsComparisons() {
        #expect(Markdown.inline("<script>alert(1)</script>") == "&lt;script>alert(1)&lt;/script>")
        #expect(Markdown.inline("54.00 < 60") == "54.00 < 60")
        #expect(Markdown.inline("&amp; & x") == "&amp;amp; & x")
    }

    @Test func markdownEscapesMarkupAndBlockStarters() {
        #expect(Markdown.inline("*bold* [link](x) `code`") == "\\*bold\\* \\[link\\](x) \\`code\\`")
        #expect(Markdown.inline("# title") == "\\# title")
        #expect(Markdown.inline("> quote") == "&gt; quote")
    }

    @Test func terminalTextLosesControlCharacters() {
        let report = Markdown.inline("red\u{1B}[31m bell\u{07}")
        #expect(!report.contains("\u{1B}"))
        #expect(!report.contains("\u{07}"))
    }

    @Test func yamlQuotingRoundTripsSpecialText() {
        #expect(YAMLText.scalar("plain text") == "plain text")
        #expect(YAMLText.scalar("yes") == "\"yes\"")
        #expect(YAMLText.scalar("2026-01-01") == "\"2026-01-01\"")
        #expect(YAMLText.scalar("a: b") == "\"a: b\"")
        #expect(YAMLText.quoted("line\n\"q\"\\") == "\"line\\n\\\"q\\\"\\\\\"")
    }
}

@Suite struct MarkdownIdTests {
    @Test func hyphensInsideTextStayPlain() {
        #expect(Markdown.inline("SP-01") == "SP-01")
        #expect(Markdown.inline("- item") == "\\- item")
    }
}
