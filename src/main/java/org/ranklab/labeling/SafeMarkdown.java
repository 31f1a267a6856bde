package org.ranklab.labeling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

import org.springframework.stereotype.Component;

/**
 * Renders prompts, candidates and guidelines (untrusted text, often model output) as
 * Markdown (with GitHub's tables) that is safe to insert into a page: raw HTML is
 * escaped, so {@code <script>} shows as text; links keep only http, https and mailto
 * URLs; images become links, so nothing loads from elsewhere when a labeler opens a task.
 */
@Component
class SafeMarkdown {

	private static final UrlSanitizer URLS = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));

	/** GitHub's tables: model output compares things in them often. */
	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(URLS)
		// Model output often relies on single line breaks; keep them rather than folding
		// lines together.
		.softbreak("<br>\n")
		.attributeProviderFactory(context -> (node, tag, attributes) -> {
			if (node instanceof Link) {
				attributes.put("rel", "nofollow noopener noreferrer");
				attributes.put("target", "_blank");
			}
		})
		.nodeRendererFactory(ImageAsLink::new)
		.build();

	String toHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return renderer.render(parser.parse(markdown));
	}

	/** An image shown as a link to it, with its alt text. */
	private static final class ImageAsLink implements NodeRenderer {

		private final HtmlWriter html;

		ImageAsLink(HtmlNodeRendererContext context) {
			this.html = context.getWriter();
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(Image.class);
		}

		@Override
		public void render(Node node) {
			Image image = (Image) node;
			String alt = altText(image);
			Map<String, String> attributes = new LinkedHashMap<>();
			attributes.put("href", URLS.sanitizeImageUrl(image.getDestination()));
			attributes.put("rel", "nofollow noopener noreferrer");
			attributes.put("target", "_blank");
			html.tag("a", attributes);
			html.text("image" + (alt.isBlank() ? "" : ": " + alt));
			html.tag("/a");
		}

		private static String altText(Node node) {
			StringBuilder text = new StringBuilder();
			for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
				text.append(child instanceof Text t ? t.getLiteral() : altText(child));
			}
			return text.toString();
		}

	}

}
