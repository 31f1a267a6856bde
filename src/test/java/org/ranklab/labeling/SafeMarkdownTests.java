package org.ranklab.labeling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeMarkdownTests {

	private final SafeMarkdown markdown = new SafeMarkdown();

	@Test
	void escapesRawHtml() {
		String html = markdown.toHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> <b>bold?</b>");

		assertThat(html).doesNotContain("<script")
			.doesNotContain("<img")
			.doesNotContain("<b>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&lt;img src=x onerror=alert(2)&gt;");
	}

	@Test
	void keepsOnlyWebAndMailLinks() {
		assertThat(markdown
			.toHtml("[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,x) [d](vbscript:x)"))
			.doesNotContainIgnoringCase("javascript")
			.doesNotContain("data:")
			.doesNotContain("vbscript");
		assertThat(markdown.toHtml("[docs](https://example.org/a?b=1&c=2)"))
			.contains("href=\"https://example.org/a?b=1&amp;c=2\"")
			.contains("rel=\"nofollow noopener noreferrer\"");
	}

	@Test
	void turnsImagesIntoLinksSoNothingLoads() {
		String html = markdown.toHtml("![a cat](https://example.org/cat.png) ![x](javascript:alert(1))");

		assertThat(html).doesNotContain("<img")
			.doesNotContain("javascript")
			.contains("href=\"https://example.org/cat.png\"")
			.contains("image: a cat");
	}

	@Test
	void rendersCodeBlocksListsAndLineBreaks() {
		String html = markdown
			.toHtml("Steps:\n1. one\n2. two\n\n```java\nint x = 1 < 2 ? 1 : 0;\n```\nline one\nline two");

		assertThat(html).contains("<ol>")
			.contains("<li>one</li>")
			.contains("<pre><code class=\"language-java\">int x = 1 &lt; 2 ? 1 : 0;")
			.contains("line one<br>");
	}

	@Test
	void rendersTablesWithTheirCellsEscaped() {
		String html = markdown.toHtml("""
				| model | says |
				|:--|--:|
				| a | <script>alert(1)</script> |
				| b | [x](javascript:alert(2)) **bold** |""");

		assertThat(html).contains("<table>")
			.contains("<th align=\"left\">model</th>")
			.contains("<td align=\"right\">&lt;script&gt;alert(1)&lt;/script&gt;</td>")
			.contains("<strong>bold</strong>")
			.doesNotContain("<script")
			.doesNotContainIgnoringCase("javascript:");
	}

	@Test
	void rendersNothingForNoText() {
		assertThat(markdown.toHtml(null)).isEmpty();
		assertThat(markdown.toHtml("  ")).isEmpty();
	}

}
