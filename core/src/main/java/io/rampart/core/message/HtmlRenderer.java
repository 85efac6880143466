package io.rampart.core.message;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Renders HTML to the text a reader sees (jsoup). */
public final class HtmlRenderer {
    public String render(String html) {
        Document document = Jsoup.parse(html);
        return document.text();
    }
}
