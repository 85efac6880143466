package io.rampart.core.links;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;

/**
 * Links that open a Windows program on remote content instead of a web page, read from the raw link before it is
 * normalised as a web address (which these are not):
 * <ul>
 * <li>{@code link.protocol-handler} (malware): {@code ms-msdt:} (the "Follina" diagnostics tool, CVE-2022-30190),
 * {@code search-ms:} / {@code search:} pointed at a remote share (File Explorer showing the attacker's WebDAV folder
 * of "invoices" that are shortcuts, the 2024 campaigns over trycloudflare.com), {@code ms-appinstaller:} (an app
 * package from a web site, Storm-1113's fake Teams and Zoom installers) and {@code ms-officecmd:}; and an Office URI
 * ({@code ms-word:ofe|u|https://...}) that opens a document from a site other than SharePoint, OneDrive or the
 * sender's own, weighed less since SharePoint writes such links itself.</li>
 * <li>{@code link.remote-file} (phish): a {@code file:} link to another computer ({@code file://203.0.113.5/share},
 * {@code file:///\\host\share\x.rtf!y}): Windows sends the reader's NTLM credentials to it when it is opened (Outlook's
 * "MonikerLink", CVE-2024-21413). A link to the reader's own disk ({@code file:///C:/...}), pasted by mistake, is
 * not one.</li>
 * </ul>
 */
public final class ProtocolHandlers {
    public static final String HANDLER_RULE = "link.protocol-handler";
    public static final String REMOTE_FILE_RULE = "link.remote-file";
    public static final double HANDLER_SCORE = 5.0;
    public static final double OFFICE_URI_SCORE = 2.5;
    public static final double REMOTE_FILE_SCORE = 4.0;

    private static final Pattern OFFICE_URI = Pattern.compile(
        "(?i)^ms-(?:word|excel|powerpoint|visio|access|project|publisher|spd|infopath):(?:ofe|ofv|nft)\\|u\\|(https?://\\S+)");
    /**
     * A remote share in a file: link: file://host/..., file:///\\host\..., file:////host/... (file:///C:/... and
     * file:///home/... are the reader's own disk: an empty host).
     */
    private static final Pattern REMOTE_FILE = Pattern.compile(
        "(?i)^file:(?://(?!/)|/{0,5}\\\\\\\\|/{4,5}(?!/))(?!localhost[/\\\\])([a-z0-9][a-z0-9.-]*|\\[[0-9a-f:]+\\])[/\\\\@]");
    private static final Pattern UNC = Pattern.compile("^\\\\\\\\([a-z0-9][a-z0-9.-]*)\\\\", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEARCH_LOCATION = Pattern.compile(
        "(?i)crumb=location:(?:%5c%5c|\\\\\\\\|//)?([a-z0-9][a-z0-9.-]*)");

    private ProtocolHandlers() {
    }

    /** What the raw link {@code raw} ({@code where}: its origin in the message) opens, when it is a risky handler. */
    public static Optional<Finding> check(String raw, String senderRegistrable, String where) {
        String link = raw.trim();
        String lower = link.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:")) {
            return Optional.empty();
        }
        if (lower.startsWith("ms-msdt:") || lower.startsWith("ms-appinstaller:") || lower.startsWith("ms-officecmd:")) {
            return Optional.of(Finding.of(HANDLER_RULE, HANDLER_SCORE, Category.MALWARE, "link opens the Windows handler "
                + lower.substring(0, lower.indexOf(':') + 1) + " (" + shorten(link) + ", " + where + "): it runs or installs "
                + "what a web site gives it"));
        }
        if (lower.startsWith("search-ms:") || lower.startsWith("search:")) {
            String decoded = UrlNormalizer.percentDecode(link);
            Matcher location = SEARCH_LOCATION.matcher(decoded);
            if (location.find()) {
                return Optional.of(Finding.of(HANDLER_RULE, HANDLER_SCORE, Category.MALWARE, "link opens Windows Search on"
                    + " the remote location " + location.group(1) + " (" + shorten(link) + ", " + where + "): File Explorer"
                    + " shows another computer's files as if they were the reader's"));
            }
            return Optional.empty();
        }
        Matcher office = OFFICE_URI.matcher(link);
        if (office.find()) {
            Optional<NormalizedUrl> document = UrlNormalizer.normalize(office.group(1));
            String registrable = document.map(NormalizedUrl::registrableDomain).orElse("");
            if (registrable.equals("sharepoint.com") || registrable.equals("office.com") || registrable.equals("live.com")
                || registrable.equals("microsoft.com") || registrable.equals("1drv.ms")
                || (!registrable.isEmpty() && registrable.equals(senderRegistrable))) {
                return Optional.empty();
            }
            return Optional.of(Finding.of(HANDLER_RULE, OFFICE_URI_SCORE, Category.MALWARE, "link opens Office on a document"
                + " from " + document.map(NormalizedUrl::host).orElse(office.group(1)) + " (" + shorten(link) + ", " + where
                + "), not SharePoint, OneDrive or the sender's site"));
        }
        Matcher remote = REMOTE_FILE.matcher(link);
        Matcher unc = UNC.matcher(link);
        String host = remote.find() ? remote.group(1) : unc.find() ? unc.group(1) : null;
        if (host != null) {
            return Optional.of(Finding.of(REMOTE_FILE_RULE, REMOTE_FILE_SCORE, Category.PHISH, "link opens a file on the"
                + " computer " + host + " (" + shorten(link) + ", " + where + "): Windows sends the reader's sign-in"
                + " credentials to it"));
        }
        return Optional.empty();
    }

    private static String shorten(String link) {
        return link.length() > 120 ? link.substring(0, 120) + "..." : link;
    }
}
