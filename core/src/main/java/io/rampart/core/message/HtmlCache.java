package io.rampart.core.message;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.jsoup.nodes.Document;


/**
 * One jsoup parse per HTML part per scan, shared by the analyzers (links, content) that read the
 * markup. Keyed weakly by the part's identity, so entries go with the message. Callers must only
 * read the returned document.
 */
public final class HtmlCache {
    private static final Map<TextPart, Document> DOCUMENTS = Collections.synchronizedMap(new WeakHashMap<>());

    private HtmlCache() {
    }

    /** Remembers the document the parser already built for {@code part}. */
    static void remember(TextPart part, Document document) {
        DOCUMENTS.put(part, document);
    }

    public static Document document(TextPart part) {
        String html = part.html().orElse("");
        Document cached = DOCUMENTS.get(part);
        if (cached != null) {
            return cached;
        }
        Document document = HtmlRenderer.parse(html);
        DOCUMENTS.put(part, document);
        return document;
    }
}
