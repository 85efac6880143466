package io.rampart.core.message;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

import com.google.common.collect.ImmutableSet;

/**
 * Renders HTML to the text a reader sees (jsoup): block elements break lines, and text the reader
 * cannot see (scripts, styles, {@code display:none}, {@code visibility:hidden}, the {@code hidden}
 * attribute, zero-size filler inside a word) is left out. Large inline {@code data:} payloads are dropped
 * before parsing (they are attribute values, never visible text) so that a multi-megabyte embedded image
 * costs nothing.
 */
public final class HtmlRenderer {
    /** Rendering reads at most this much HTML (after dropping inline data payloads). */
    public static final int MAX_HTML_CHARS = 1_000_000;
    private static final Pattern DATA_PAYLOAD = Pattern.compile("(data:[a-zA-Z0-9./+-]{1,60};base64,)[A-Za-z0-9+/=\\s]{512,}");
    private static final ImmutableSet<String> INVISIBLE = ImmutableSet.of("script", "style", "head", "title", "noscript",
        "template", "svg", "object");
    private static final ImmutableSet<String> BLOCKS = ImmutableSet.of("p", "div", "br", "tr", "li", "h1", "h2", "h3",
        "h4", "h5", "h6", "table", "blockquote", "pre", "hr", "section", "article", "header", "footer", "ul", "ol",
        "dd", "dt", "center", "form");
    /** Inline elements that still stand between words: a table's cells, images, form fields. */
    private static final ImmutableSet<String> WORD_BREAKS = ImmutableSet.of("td", "th", "img", "input", "button", "select",
        "textarea", "option", "iframe");

    public String render(String html) {
        return render(parse(html));
    }

    /** Parses HTML as the analyzers should: data payloads dropped, size capped. */
    public static Document parse(String html) {
        return Jsoup.parse(prepare(html));
    }

    public static String prepare(String html) {
        String slim = html.indexOf("base64,") >= 0 ? DATA_PAYLOAD.matcher(html).replaceAll("$1") : html;
        return slim.length() > MAX_HTML_CHARS ? slim.substring(0, MAX_HTML_CHARS) : slim;
    }

    /**
     * The visible text, with spaces where the source has them: text split over inline elements joins up as the reader
     * sees it ("Ver&lt;span&gt;ify&lt;/span&gt;" reads "Verify", as phishing writes its words to keep filters from reading
     * them), while blocks break lines and table cells, images and form fields stand between words.
     */
    public static String render(Document document) {
        StringBuilder out = new StringBuilder();
        boolean[] space = {false};
        Element body = document.body() == null ? document : document.body();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode) {
                    String whole = ((TextNode) node).getWholeText();
                    String text = trimSpaces(((TextNode) node).text());
                    if (text.isEmpty()) {
                        space[0] |= !whole.isEmpty();
                        return FilterResult.CONTINUE;
                    }
                    append(out, text, space[0] || isSpace(whole.charAt(0)));
                    space[0] = isSpace(whole.charAt(whole.length() - 1));
                    return FilterResult.CONTINUE;
                }
                if (node instanceof Element) {
                    Element element = (Element) node;
                    String style = style(element);
                    if (INVISIBLE.contains(element.normalName()) || isHidden(element, style)
                        || gluedFiller(element, style, out, space[0])) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (isReversing(element, style)) {
                        String shown = trimSpaces(shownText(element));
                        if (!shown.isEmpty()) {
                            append(out, shown, true);
                            space[0] = true;
                        }
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCKS.contains(element.normalName())) {
                        newLine(out);
                    } else if (WORD_BREAKS.contains(element.normalName())) {
                        space[0] = true;
                        String value = shownValue(element);
                        if (!value.isEmpty()) {
                            append(out, value, true);
                        }
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element && BLOCKS.contains(((Element) node).normalName())) {
                    newLine(out);
                } else if (node instanceof Element && WORD_BREAKS.contains(((Element) node).normalName())) {
                    space[0] = true;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        return out.toString().trim();
    }

    /** The text a form field shows as its value (a text box or a button), trimmed; "" for others. */
    private static String shownValue(Element element) {
        if (!element.normalName().equals("input") || !element.hasAttr("value")) {
            return "";
        }
        String type = element.attr("type").trim().toLowerCase(Locale.ROOT);
        boolean shown = type.isEmpty() || type.equals("text") || type.equals("submit") || type.equals("button");
        return shown ? trimSpaces(element.attr("value").replaceAll("\\s+", " ")) : "";
    }

    /** Appends {@code text}, after a space when {@code spaced} and the output does not end in one already. */
    private static void append(StringBuilder out, String text, boolean spaced) {
        if (spaced && out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
            out.append(' ');
        }
        out.append(text);
    }

    /** Whitespace as the reader sees it: a no-break space separates words too. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0';
    }

    private static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static void newLine(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        if (end > 0 && out.charAt(end - 1) != '\n') {
            out.append('\n');
        }
    }

    /**
     * Whether the element lays its characters out right to left one by one, whatever their script: CSS
     * {@code unicode-bidi: bidi-override} (or {@code isolate-override}) with {@code direction: rtl}, or
     * {@code <bdo dir="rtl">}. Latin text written backwards in the source then reads forwards on the screen.
     */
    public static boolean isReversing(Element element) {
        return isReversing(element, style(element));
    }

    private static boolean isReversing(Element element, String style) {
        if (element.normalName().equals("bdo")) {
            return element.attr("dir").trim().equalsIgnoreCase("rtl");
        }
        return style.contains("direction:rtl") && (style.contains("unicode-bidi:bidi-override")
            || style.contains("unicode-bidi:isolate-override"));
    }

    /** The element's inline style, lower case and without spaces ("" when it has none). */
    private static String style(Element element) {
        return element.hasAttr("style") ? element.attr("style").toLowerCase(Locale.ROOT).replace(" ", "") : "";
    }

    /**
     * The text of a {@link #isReversing reversing} element as the reader sees it: reversed when it holds no letter of a
     * right-to-left script (Hebrew or Arabic, which such an element shows in their usual order).
     */
    public static String shownText(Element element) {
        String text = element.text();
        return hasRightToLeftLetters(text) ? text : new StringBuilder(text).reverse().toString();
    }

    public static boolean hasRightToLeftLetters(String text) {
        for (int i = 0; i < text.length(); i++) {
            byte direction = Character.getDirectionality(text.charAt(i));
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
        }
        return false;
    }

    /** {@code display:none}, {@code visibility:hidden} or the {@code hidden} attribute. */
    public static boolean isHidden(Element element) {
        return isHidden(element, style(element));
    }

    private static boolean isHidden(Element element, String style) {
        return element.hasAttr("hidden") || style.contains("display:none") || style.contains("visibility:hidden");
    }

    /**
     * Whether the element is filler glued inside a word: a font size of zero, a letter just before it in the output
     * and a letter right after it ("Ver&lt;span style='font-size:0'&gt;qx7&lt;/span&gt;ify" reads "Verify"). Zero-size
     * text elsewhere (a preheader, padding between words) is left as it was: the model learnt from it.
     */
    private static boolean gluedFiller(Element element, String style, StringBuilder out, boolean spaced) {
        if (!style.contains("font-size:") || !zeroFontSize(style) || spaced || out.length() == 0
            || !Character.isLetter(out.charAt(out.length() - 1))) {
            return false;
        }
        Node next = element.nextSibling();
        if (!(next instanceof TextNode)) {
            return false;
        }
        String after = ((TextNode) next).getWholeText();
        return !after.isEmpty() && Character.isLetter(after.charAt(0));
    }

    private static final Pattern FONT_SIZE = Pattern.compile("font-size:([0-9]*\\.?[0-9]+)([a-z%]*)");

    /**
     * A font size no one can read: 0 in any unit, under half a pixel or point, or a vanishing fraction of anything else
     * ({@code font-size:0}, {@code 0.0000001vw}). Small print of 1 to 3 pixels is still text.
     */
    private static boolean zeroFontSize(String style) {
        java.util.regex.Matcher matcher = FONT_SIZE.matcher(style);
        if (!matcher.find()) {
            return false;
        }
        try {
            double size = Double.parseDouble(matcher.group(1));
            String unit = matcher.group(2);
            return size == 0 || (unit.isEmpty() || unit.equals("px") || unit.equals("pt") ? size < 0.5 : size < 0.01);
        } catch (NumberFormatException e) {
            return false;
        }
    }

}
