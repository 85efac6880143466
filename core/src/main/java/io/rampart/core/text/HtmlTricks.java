package io.rampart.core.text;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Text that is in the HTML but not for the reader: hidden ({@code display:none},
 * {@code visibility:hidden}, {@code hidden} attribute), microscopic ({@code font-size} 0-2px,
 * {@code <font size=0/1>}), or written in the colour of its background. Filler text hidden that way
 * is a classic trick against statistical filters.
 */
public final class HtmlTricks {
    private static final Pattern FONT_SIZE = Pattern.compile("font-size\\s*:\\s*([0-9.]+)\\s*(px|pt|em|rem|%)?");
    private static final Pattern COLOR = Pattern.compile("(?:^|[;\\s\"])color\\s*:\\s*([#a-z0-9(),. ]+)");
    private static final Pattern BACKGROUND = Pattern.compile("background(?:-color)?\\s*:\\s*([#a-z0-9(),. ]+)");

    private HtmlTricks() {
    }

    /** Characters of text in each kind of concealment. */
    public static final class Concealed {
        private int hidden;
        private int tiny;
        private int sameColour;
        private int splitWords;
        private int reversed;

        public int hidden() {
            return hidden;
        }

        public int tiny() {
            return tiny;
        }

        public int sameColour() {
            return sameColour;
        }

        /** Letters written backwards in the source and shown forwards by a right-to-left override. */
        public int reversed() {
            return reversed;
        }

        /** Concealed pieces of text glued between two letters of the visible text: words split by filler. */
        public int splitWords() {
            return splitWords;
        }
    }

    public static Concealed inspect(Document document, int maxElements) {
        Concealed concealed = new Concealed();
        int seen = 0;
        for (Element element : document.select("[style], [hidden], font[size], font[color], bdo")) {
            if (seen++ >= maxElements) {
                break;
            }
            if (io.rampart.core.message.HtmlRenderer.isReversing(element)
                && !io.rampart.core.message.HtmlRenderer.hasRightToLeftLetters(element.text())) {
                concealed.reversed += (int) element.text().codePoints().filter(Character::isLetter).count();
                continue;
            }
            String style = element.attr("style").toLowerCase(Locale.ROOT);
            int length = element.ownText().trim().length();
            if (length == 0) {
                continue;
            }
            if (element.hasAttr("hidden") || style.replace(" ", "").contains("display:none")
                || style.replace(" ", "").contains("visibility:hidden")) {
                concealed.hidden += element.text().length();
            } else if (tiny(element, style)) {
                concealed.tiny += length;
            } else {
                Optional<String> colour = colour(element, style);
                Optional<String> background = background(element);
                if (!colour.isPresent() || !background.isPresent() || !colour.get().equals(background.get())) {
                    continue;
                }
                concealed.sameColour += length;
            }
            if (splitsWord(element)) {
                concealed.splitWords++;
            }
        }
        return concealed;
    }

    /**
     * Whether the element sits inside a word of the visible text: a letter just before it and just after
     * it, no space between ("de<span style='font-size:0'>Eliette</span>vice" reads "device" and tokenises
     * as filler). Hidden preheaders and white-on-white padding stand between words or blocks, not inside one.
     */
    static boolean splitsWord(Element element) {
        String before = adjacentText(element, true);
        String after = adjacentText(element, false);
        return !before.isEmpty() && !after.isEmpty() && Character.isLetter(before.codePointBefore(before.length()))
            && Character.isLetter(after.codePointAt(0));
    }

    /** The text right before (or after) the element, looking up through at most two enclosing inline elements. */
    private static String adjacentText(Element element, boolean before) {
        org.jsoup.nodes.Node node = element;
        for (int depth = 0; depth < 3 && node != null; depth++) {
            org.jsoup.nodes.Node sibling = before ? node.previousSibling() : node.nextSibling();
            if (sibling instanceof org.jsoup.nodes.TextNode) {
                return ((org.jsoup.nodes.TextNode) sibling).getWholeText();
            }
            if (sibling instanceof Element) {
                Element next = (Element) sibling;
                return next.isBlock() || next.tagName().equals("br") ? "" : edgeText(next, before, 0);
            }
            org.jsoup.nodes.Node parent = node.parent();
            if (!(parent instanceof Element) || ((Element) parent).isBlock()) {
                return "";
            }
            node = parent;
        }
        return "";
    }

    /**
     * The text at the end (or start) of an inline element: its last (or first) text node, a few levels
     * down; not the element's whole text, which a crafted page can make large for each of thousands of spans.
     */
    private static String edgeText(Element element, boolean end, int depth) {
        int count = element.childNodeSize();
        for (int k = 0; k < count && depth < 4; k++) {
            org.jsoup.nodes.Node child = element.childNode(end ? count - 1 - k : k);
            if (child instanceof org.jsoup.nodes.TextNode) {
                String text = ((org.jsoup.nodes.TextNode) child).getWholeText();
                if (!text.isEmpty()) {
                    return text;
                }
            } else if (child instanceof Element) {
                return ((Element) child).isBlock() ? "" : edgeText((Element) child, end, depth + 1);
            }
        }
        return "";
    }

    private static boolean tiny(Element element, String style) {
        Matcher matcher = FONT_SIZE.matcher(style);
        if (matcher.find()) {
            try {
                double size = Double.parseDouble(matcher.group(1));
                String unit = matcher.group(2) == null ? "px" : matcher.group(2);
                return (unit.equals("px") || unit.equals("pt")) ? size < 3 : unit.equals("%") ? size < 20 : size < 0.2;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (element.tagName().equals("font")) {
            String size = element.attr("size").trim();
            return size.equals("0") || size.equals("-5") || size.equals("-4");
        }
        return false;
    }

    private static Optional<String> colour(Element element, String style) {
        Matcher matcher = COLOR.matcher(style);
        if (matcher.find()) {
            return Optional.of(normalise(matcher.group(1)));
        }
        if (element.tagName().equals("font") && element.hasAttr("color")) {
            return Optional.of(normalise(element.attr("color")));
        }
        return Optional.empty();
    }

    /** The nearest declared background colour (the element's own or an ancestor's), white by default. */
    private static Optional<String> background(Element element) {
        Element current = element;
        int depth = 0;
        while (current != null && depth++ < 30) {
            String style = current.attr("style").toLowerCase(Locale.ROOT);
            Matcher matcher = BACKGROUND.matcher(style);
            if (matcher.find()) {
                return Optional.of(normalise(matcher.group(1)));
            }
            if (current.hasAttr("bgcolor")) {
                return Optional.of(normalise(current.attr("bgcolor")));
            }
            current = current.parent();
        }
        return Optional.of("#ffffff");
    }

    static String normalise(String colour) {
        String value = colour.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        int semicolon = value.indexOf(';');
        if (semicolon >= 0) {
            value = value.substring(0, semicolon);
        }
        value = value.replace("!important", "");
        switch (value) {
            case "white":
            case "#fff":
            case "rgb(255,255,255)":
                return "#ffffff";
            case "black":
            case "#000":
            case "rgb(0,0,0)":
                return "#000000";
            default:
                break;
        }
        if (value.matches("#[0-9a-f]{3}")) {
            return "#" + value.charAt(1) + value.charAt(1) + value.charAt(2) + value.charAt(2) + value.charAt(3)
                + value.charAt(3);
        }
        return value;
    }
}
