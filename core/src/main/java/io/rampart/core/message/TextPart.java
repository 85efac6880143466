package io.rampart.core.message;

import java.util.Objects;
import java.util.Optional;

/**
 * A decoded text part: {@code text} is what a reader sees (for HTML, the rendered text), {@code html}
 * the decoded HTML source when the part is HTML. {@code path} names the part (e.g. {@code 1.2}).
 */
public final class TextPart {
    public static TextPart plain(String path, String text, String charset) {
        return new TextPart(path, text, null, charset);
    }

    public static TextPart html(String path, String renderedText, String html, String charset) {
        return new TextPart(path, renderedText, html, charset);
    }

    private final String path;
    private final String text;
    private final Optional<String> html;
    private final String charset;

    private TextPart(String path, String text, String html, String charset) {
        this.path = Objects.requireNonNull(path);
        this.text = Objects.requireNonNull(text);
        this.html = Optional.ofNullable(html);
        this.charset = charset == null ? "" : charset;
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public Optional<String> html() {
        return html;
    }

    public boolean isHtml() {
        return html.isPresent();
    }

    /** The charset actually used to decode the part (after fixing mislabelled ones). */
    public String charset() {
        return charset;
    }
}
