package io.rampart.core.links;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableSet;

/**
 * What {@link LinkAnalysis} knows about one URL beyond its string: the organisation's local
 * domains, where the URL came from (free text such as {@code "html href"}, {@code "qr code in
 * invoice.pdf"}), the text a reader saw for it, and the registrable domain of the message's sender (empty when
 * not known).
 */
public final class LinkContext {
    public static LinkContext of(Set<String> localDomains, String origin, Optional<String> displayedText) {
        return new LinkContext(localDomains, origin, displayedText, "");
    }

    public static LinkContext of(Set<String> localDomains, String origin) {
        return new LinkContext(localDomains, origin, Optional.empty(), "");
    }

    private final ImmutableSet<String> localDomains;
    private final String origin;
    private final Optional<String> displayedText;
    private final String senderRegistrable;

    private LinkContext(Set<String> localDomains, String origin, Optional<String> displayedText, String senderRegistrable) {
        this.localDomains = localDomains.stream().map(d -> d.toLowerCase(Locale.ROOT))
            .collect(ImmutableSet.toImmutableSet());
        this.origin = origin == null ? "" : origin;
        this.displayedText = displayedText;
        this.senderRegistrable = senderRegistrable;
    }

    /** The same context for a message from {@code senderDomain} (the From address's domain; empty when unknown). */
    public LinkContext from(String senderDomain) {
        return new LinkContext(localDomains, origin, displayedText,
            senderDomain.isEmpty() ? "" : UrlNormalizer.registrable(senderDomain.toLowerCase(Locale.ROOT)));
    }

    /** The registrable domain of the message's sender, or empty. */
    public String senderRegistrable() {
        return senderRegistrable;
    }

    public ImmutableSet<String> localDomains() {
        return localDomains;
    }

    public String origin() {
        return origin;
    }

    public Optional<String> displayedText() {
        return displayedText;
    }

    /** The same context for the URL a link-protection service wrapped: findings say which service. */
    public LinkContext behind(String service) {
        return new LinkContext(localDomains, origin.isEmpty() ? "behind " + service : origin + ", behind " + service,
            displayedText, senderRegistrable);
    }

    /** The same context without the text the reader saw (nothing to compare it with). */
    public LinkContext withoutDisplayedText() {
        return new LinkContext(localDomains, origin, Optional.empty(), senderRegistrable);
    }
}
