package io.rampart.core.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

import com.google.common.io.BaseEncoding;

/**
 * A non-text part (attachment, inline image, nested message...) with its decoded bytes.
 * {@code path} names the part; {@code sha256} is the lower-case hex digest of the decoded bytes.
 */
public final class Attachment {
    public static Attachment of(String path, Optional<String> fileName, String declaredType, boolean inline,
                                Optional<String> contentId, byte[] content) {
        return new Attachment(path, fileName, declaredType, inline, contentId, content);
    }

    public static String sha256(byte[] content) {
        try {
            return BaseEncoding.base16().lowerCase().encode(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private final String path;
    private final Optional<String> fileName;
    private final String declaredType;
    private final boolean inline;
    private final Optional<String> contentId;
    private final byte[] content;
    private final String sha256;

    private Attachment(String path, Optional<String> fileName, String declaredType, boolean inline,
                       Optional<String> contentId, byte[] content) {
        this.path = Objects.requireNonNull(path);
        this.fileName = Objects.requireNonNull(fileName);
        this.declaredType = declaredType == null ? "application/octet-stream" : declaredType;
        this.inline = inline;
        this.contentId = Objects.requireNonNull(contentId);
        this.content = Objects.requireNonNull(content);
        this.sha256 = sha256(content);
    }

    public String path() {
        return path;
    }

    public Optional<String> fileName() {
        return fileName;
    }

    /** The MIME type the message declares for the part, lower-cased, without parameters. */
    public String declaredType() {
        return declaredType;
    }

    public boolean inline() {
        return inline;
    }

    public Optional<String> contentId() {
        return contentId;
    }

    /** The decoded bytes. Not copied: analyzers must not modify them. */
    public byte[] content() {
        return content;
    }

    public int size() {
        return content.length;
    }

    public String sha256() {
        return sha256;
    }

    /** A short human-readable name for findings: the file name, else the part path and type. */
    public String describe() {
        return fileName.map(name -> "'" + name + "' (part " + path + ")")
            .orElse("part " + path + " (" + declaredType + ")");
    }

    public String contentAsLatin1() {
        return new String(content, StandardCharsets.ISO_8859_1);
    }
}
