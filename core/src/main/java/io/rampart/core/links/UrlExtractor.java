package io.rampart.core.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;

/**
 * Finds every URL in a message: in plain text (including defanged {@code hxxp://}, {@code [.]}
 * forms and bare {@code www.} hosts) and in HTML (href, src, form action, meta refresh, background,
 * data: URIs). Bounded by {@code max}.
 */
public final class UrlExtractor {
    static final Pattern TEXT_URL = Pattern.compile(
        "(?i)(?:\\b(?:h[tx]{2}ps?|ftp)(?:://|\\[:\\]//|\\[://\\])|\\bwww\\d?(?:\\.|\\[\\.\\]))[^\\s<>\"'`]{2,2000}");
    private static final Pattern DEFANGED_HOST = Pattern.compile(
        "(?i)\\b[a-z0-9-]{2,63}(?:\\[\\.\\]|\\(\\.\\)|\\[dot\\])[a-z0-9.\\[\\]()-]{2,200}(?:/[^\\s<>\"']*)?");
    private static final Pattern META_URL = Pattern.compile("(?i)url\\s*=\\s*['\"]?([^'\"\\s>]+)");
    private static final Pattern TRAILING = Pattern.compile("[).,;:!?\\]}>'\"]+$");

    private UrlExtractor() {
    }

    /** Every link of the message, text parts first; at most {@code max}. */
    public static List<FoundLink> extract(ParsedMessage message, int max) {
        List<FoundLink> links = new ArrayList<>();
        for (TextPart part : message.texts()) {
            if (links.size() >= max) {
                break;
            }
            if (part.html().isPresent()) {
                fromHtml(io.rampart.core.message.HtmlCache.document(part), part.path(), links, max);
            } else {
                fromText(part.text(), part.path(), links, max);
            }
        }
        return links;
    }

    public static void fromText(String text, String part, List<FoundLink> into, int max) {
        if (into.size() < max) {
            io.rampart.core.text.UrlScan.findAll(TEXT_URL, text, matcher -> {
                into.add(FoundLink.of(trim(matcher.group()), FoundLink.Source.TEXT, part, Optional.empty()));
                return into.size() < max;
            });
        }
        if (text.indexOf('[') >= 0 || text.indexOf('(') >= 0) {
            Matcher defanged = DEFANGED_HOST.matcher(text);
            while (defanged.find() && into.size() < max) {
                String candidate = trim(defanged.group());
                if (!candidate.toLowerCase(Locale.ROOT).startsWith("http")) {
                    into.add(FoundLink.of("http://" + candidate, FoundLink.Source.TEXT, part, Optional.empty()));
                }
            }
        }
    }

    public static void fromHtml(Document document, String part, List<FoundLink> into, int max) {
        for (Element element : document.select("a[href], area[href]")) {
            if (into.size() >= max) {
                return;
            }
            add(into, element.attr("href"), FoundLink.Source.HREF, part, Optional.of(element.text()));
        }
        for (Element element : document.select("form[action]")) {
            add(into, element.attr("action"), FoundLink.Source.FORM_ACTION, part, Optional.empty());
        }
        for (Element element : document.select("meta[http-equiv]")) {
            if (element.attr("http-equiv").equalsIgnoreCase("refresh")) {
                Matcher matcher = META_URL.matcher(element.attr("content"));
                if (matcher.find()) {
                    add(into, matcher.group(1), FoundLink.Source.META_REFRESH, part, Optional.empty());
                }
            }
        }
        for (Element element : document.select("img[src], iframe[src], frame[src], embed[src], script[src]")) {
            if (into.size() >= max) {
                return;
            }
            add(into, element.attr("src"), FoundLink.Source.SRC, part, Optional.empty());
        }
        for (Element element : document.select("[background]")) {
            add(into, element.attr("background"), FoundLink.Source.SRC, part, Optional.empty());
        }
        if (into.size() < max) {
            fromText(document.text(), part, into, max);
        }
    }

    private static void add(List<FoundLink> into, String raw, FoundLink.Source source, String part,
                            Optional<String> text) {
        String value = raw.trim();
        if (value.isEmpty() || value.startsWith("#") || value.regionMatches(true, 0, "cid:", 0, 4)
            || value.regionMatches(true, 0, "javascript:", 0, 11)) {
            return;
        }
        // data: images are content, not destinations; data:text/html is a page hidden in a link.
        if (value.regionMatches(true, 0, "data:", 0, 5) && source == FoundLink.Source.SRC) {
            return;
        }
        into.add(FoundLink.of(value, source, part, text));
    }

    private static String trim(String url) {
        return TRAILING.matcher(url).replaceAll("");
    }
}
