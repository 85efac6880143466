package io.rampart.core.attachments.archive;

import java.util.Objects;
import java.util.Optional;

/**
 * One member of an archive: its path inside the archive, its declared uncompressed size (-1 when
 * unknown), whether it is encrypted, and its bytes when they could be read (absent for encrypted
 * members, RAR members, which are listed but not unpacked, and members over a cap).
 */
public final class ArchiveMember {
    public static ArchiveMember of(String name, long size, boolean encrypted, Optional<byte[]> content) {
        return new ArchiveMember(name, size, encrypted, content);
    }

    private final String name;
    private final long size;
    private final boolean encrypted;
    private final Optional<byte[]> content;

    private ArchiveMember(String name, long size, boolean encrypted, Optional<byte[]> content) {
        this.name = Objects.requireNonNull(name);
        this.size = size;
        this.encrypted = encrypted;
        this.content = Objects.requireNonNull(content);
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public boolean encrypted() {
        return encrypted;
    }

    public Optional<byte[]> content() {
        return content;
    }
}
