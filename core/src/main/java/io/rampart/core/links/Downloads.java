package io.rampart.core.links;

import java.util.Locale;
import java.util.Optional;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;

import io.rampart.core.attachments.FileTypes;

/**
 * {@code link.risky-download}: a link that downloads a program, a disk image or an archive from a site
 * that is not the sender's. Malware moved from attachments to links when mail gateways started
 * blocking executables (Qakbot and Emotet reply-chain mail linked to zip files on hijacked WordPress
 * sites); the file itself is out of reach of the scan, its name in the URL is not. A vendor linking to
 * its own installer, or a project list to its own release, has the sender's domain.
 */
public final class Downloads {
    public static final String RULE = "link.risky-download";
    public static final double PROGRAM_SCORE = 2.5;
    public static final double ARCHIVE_SCORE = 1.5;
    /**
     * More when the file sits in a WordPress site's own folders ({@code /wp-content/uploads/...zip}): another
     * site's uploads are not where a sender keeps its files, and hijacked WordPress sites are where
     * Qakbot, Emotet and IcedID campaigns kept theirs.
     */
    public static final double CMS_FOLDER_SCORE = 1.0;
    /**
     * {@code link.archive-password}: a linked archive from another site and a password in the text. The
     * attachment rules flag an encrypted archive whose password the message gives ({@code archive.password-in-body});
     * a link hides even that the archive is encrypted, and the password in the text is how such mail says it.
     * The same points as that rule ({@code MessageScan.ENCRYPTED_WITH_PASSWORD_SCORE}): attached or linked, the
     * archive is one the reader is told how to open and no scanner can.
     */
    public static final String PASSWORD_RULE = "link.archive-password";
    public static final double PASSWORD_SCORE = 6.0;
    /**
     * What the attachment rules call executable, without the extensions that are also everyday URL
     * endings: {@code .com} and {@code .app} (host names in paths), {@code .js} (script files of web
     * pages), {@code .dll} (IIS ISAPI programs answer as {@code /eBayISAPI.dll?...}), {@code .one},
     * {@code .ws}, {@code .website}, {@code .application}, {@code .inf}, {@code .reg}.
     */
    static final ImmutableSet<String> PROGRAMS = ImmutableSet.copyOf(Sets.union(
        Sets.difference(FileTypes.EXECUTABLE_EXTENSIONS, ImmutableSet.of("com", "app", "js", "dll", "one", "ws", "website",
            "application", "inf", "reg")), FileTypes.DISK_IMAGE_EXTENSIONS));
    static final ImmutableSet<String> ARCHIVES = ImmutableSet.of("zip", "rar", "7z", "cab", "ace", "arj", "lzh", "lha", "xz");

    private Downloads() {
    }

    /** The file {@code url} downloads, when its type is one to flag and its site is not {@code senderDomain}'s. */
    public static Optional<String> risky(NormalizedUrl url, String senderDomain) {
        if (!url.isWeb() || url.host().isEmpty()) {
            return Optional.empty();
        }
        String path = url.pathAndQuery();
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String name = UrlNormalizer.percentDecode(path.substring(path.lastIndexOf('/', end - 1) + 1, end));
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!PROGRAMS.contains(extension) && !ARCHIVES.contains(extension)) {
            return Optional.empty();
        }
        String registrable = url.registrableDomain();
        String sender = UrlNormalizer.registrable(senderDomain.toLowerCase(Locale.ROOT));
        if (!sender.isEmpty() && (sender.equals(registrable)
            || UrlNormalizer.firstLabel(sender).equals(UrlNormalizer.firstLabel(registrable)))) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** Whether {@code url} is a file in a WordPress site's folders (at the site's root or under a folder: /blog/wp-content/). */
    public static boolean inCmsFolder(NormalizedUrl url) {
        String path = url.pathAndQuery().toLowerCase(Locale.ROOT);
        return path.contains("/wp-content/") || path.contains("/wp-includes/") || path.contains("/wp-admin/");
    }

    /** Whether {@code fileName} (one {@link #risky} returned) is an archive rather than a program. */
    public static boolean isArchive(String fileName) {
        return ARCHIVES.contains(fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }

    /** The points for downloading {@code fileName}. */
    public static double score(String fileName) {
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return PROGRAMS.contains(extension) ? PROGRAM_SCORE : ARCHIVE_SCORE;
    }
}
