package io.rampart.core.attachments.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZFileOptions;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.sevenz.SevenZMethodConfiguration;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import io.rampart.core.attachments.ScanBudget;

/**
 * Opens one archive level (zip, 7z, tar, gzip, bzip2; RAR is listed only, see {@link RarLister}) and
 * hands each member to a {@link Listener}; the caller recurses into members that are archives
 * themselves. Bounded by the message's {@link ScanBudget}: member count, total unpacked bytes,
 * expansion ratio against the archive's own size, and time. A cap ends the walk with a "not fully
 * scanned" finding naming the archive; a broken archive ends it with one too. Never throws.
 */
public final class ArchiveWalker {
    /** The smallest size the expansion ratio is measured against, so that tiny archives of text pass. */
    static final long MIN_RATIO_BASE = 8 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_7Z_MEMORY_KB = 64 * 1024;
    private static final int MAX_CENTRAL_DIRECTORY_ENTRIES = 20_000;

    /** Receives the members of one archive. */
    public interface Listener {
        void member(ArchiveMember member);

        /** The archive hides even its member names behind a password. */
        void headersEncrypted();
    }

    private final ScanBudget budget;

    public ArchiveWalker(ScanBudget budget) {
        this.budget = budget;
    }

    /**
     * @param name  the archive's own file name (names the single member of a gzip or bzip2 stream)
     * @param where how findings name the archive, e.g. {@code 'a.zip' (part 1.2) > b.zip}
     */
    public void walk(byte[] archive, ArchiveFormat format, String name, String where, Listener listener) {
        Walk walk = new Walk(archive.length, name, where, format);
        try {
            switch (format) {
                case ZIP:
                    walkZip(archive, walk, listener);
                    break;
                case TAR:
                    walkStream(new TarArchiveInputStream(new ByteArrayInputStream(archive)), walk, listener);
                    break;
                case SEVEN_Z:
                    walkSevenZ(archive, walk, listener);
                    break;
                case GZIP:
                    walkGzip(archive, walk, listener);
                    break;
                case BZIP2:
                    walkBzip2(archive, walk, listener);
                    break;
                case RAR:
                    walkRar(archive, walk, listener);
                    break;
                default:
                    throw new IllegalStateException("unhandled format " + format);
            }
        } catch (org.apache.commons.compress.PasswordRequiredException e) {
            listener.headersEncrypted();
        } catch (IOException | RuntimeException e) {
            budget.incomplete("archive.unreadable", where, where + ": " + format.displayName()
                + " archive could not be fully read (" + e.getClass().getSimpleName() + ")");
        } catch (OutOfMemoryError e) {
            budget.incomplete("archive.too-large", where, where + ": " + format.displayName()
                + " archive needs more memory than allowed to unpack");
        }
    }

    /**
     * Zip through its central directory (random access: reliable names, encryption flags and sizes,
     * entries with data descriptors) when the directory is of a sane size; a zip announcing more
     * entries than that, or whose directory is broken, is streamed through its local headers.
     */
    private void walkZip(byte[] archive, Walk walk, Listener listener) throws IOException {
        int declared = zipEntryCount(archive);
        if (declared >= 0 && declared <= MAX_CENTRAL_DIRECTORY_ENTRIES) {
            ZipFile zip;
            try {
                zip = new ZipFile(new SeekableInMemoryByteChannel(archive), "archive", "UTF-8", true, true);
            } catch (IOException e) {
                zip = null;
            }
            if (zip != null) {
                try (ZipFile file = zip) {
                    Enumeration<ZipArchiveEntry> entries = file.getEntriesInPhysicalOrder();
                    while (entries.hasMoreElements()) {
                        ZipArchiveEntry entry = entries.nextElement();
                        if (entry.isDirectory()) {
                            continue;
                        }
                        if (!walk.admit()) {
                            return;
                        }
                        boolean encrypted = entry.getGeneralPurposeBit().usesEncryption();
                        Optional<byte[]> content = Optional.empty();
                        if (!encrypted && file.canReadEntryData(entry)) {
                            try (InputStream in = file.getInputStream(entry)) {
                                content = walk.read(in);
                            }
                            if (content == null) {
                                listener.member(ArchiveMember.of(entry.getName(), entry.getSize(), false, Optional.empty()));
                                return;
                            }
                        }
                        listener.member(ArchiveMember.of(entry.getName(), entry.getSize(), encrypted, content));
                    }
                }
                return;
            }
        }
        walkStream(new ZipArchiveInputStream(new ByteArrayInputStream(archive), "UTF-8", true, true), walk, listener);
    }

    /** The entry count of the end-of-central-directory record; -1 when absent or zip64. */
    static int zipEntryCount(byte[] b) {
        int stop = Math.max(0, b.length - 22 - 65_535);
        for (int i = b.length - 22; i >= stop; i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                int total = (b[i + 10] & 0xFF) | (b[i + 11] & 0xFF) << 8;
                return total == 0xFFFF ? -1 : total;
            }
        }
        return -1;
    }

    private void walkStream(ArchiveInputStream in, Walk walk, Listener listener) throws IOException {
        try (ArchiveInputStream archive = in) {
            ArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (!walk.admit()) {
                    return;
                }
                boolean encrypted = entry instanceof ZipArchiveEntry
                    && ((ZipArchiveEntry) entry).getGeneralPurposeBit().usesEncryption();
                Optional<byte[]> content = Optional.empty();
                if (!encrypted && archive.canReadEntryData(entry)) {
                    content = walk.read(archive);
                    if (content == null) {
                        listener.member(ArchiveMember.of(entry.getName(), entry.getSize(), false, Optional.empty()));
                        return;
                    }
                }
                listener.member(ArchiveMember.of(entry.getName(), entry.getSize(), encrypted, content));
            }
        }
    }

    private void walkSevenZ(byte[] archive, Walk walk, Listener listener) throws IOException {
        SevenZFileOptions options = SevenZFileOptions.builder().withMaxMemoryLimitInKb(MAX_7Z_MEMORY_KB).build();
        try (SevenZFile file = new SevenZFile(new SeekableInMemoryByteChannel(archive), options)) {
            SevenZArchiveEntry entry;
            while ((entry = file.getNextEntry()) != null) {
                if (entry.isDirectory() || entry.isAntiItem()) {
                    continue;
                }
                if (!walk.admit()) {
                    return;
                }
                boolean encrypted = false;
                for (SevenZMethodConfiguration method : entry.getContentMethods()) {
                    encrypted |= method.getMethod() == SevenZMethod.AES256SHA256;
                }
                Optional<byte[]> content = Optional.empty();
                if (!encrypted && entry.hasStream()) {
                    content = walk.read(new SevenZEntryStream(file));
                    if (content == null) {
                        listener.member(ArchiveMember.of(entry.getName(), entry.getSize(), false, Optional.empty()));
                        return;
                    }
                }
                listener.member(ArchiveMember.of(entry.getName(), entry.getSize(), encrypted, content));
            }
        }
    }

    private void walkGzip(byte[] archive, Walk walk, Listener listener) throws IOException {
        try (GzipCompressorInputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(archive))) {
            String name = Optional.ofNullable(in.getMetaData().getFilename()).filter(n -> !n.isEmpty())
                .orElse(stripSuffix(walk.name, ".gz", ".tgz", ".tar"));
            single(in, name, walk, listener);
        }
    }

    private void walkBzip2(byte[] archive, Walk walk, Listener listener) throws IOException {
        try (BZip2CompressorInputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(archive))) {
            single(in, stripSuffix(walk.name, ".bz2", ".tbz2", ".tar"), walk, listener);
        }
    }

    private void single(InputStream in, String name, Walk walk, Listener listener) {
        if (!walk.admit()) {
            return;
        }
        Optional<byte[]> content = walk.read(in);
        listener.member(ArchiveMember.of(name, -1, false, content == null ? Optional.empty() : content));
    }

    private void walkRar(byte[] archive, Walk walk, Listener listener) {
        RarLister.Listing listing = RarLister.list(archive, budget.settings().maxArchiveEntries());
        if (listing.headersEncrypted()) {
            listener.headersEncrypted();
            return;
        }
        for (ArchiveMember member : listing.members()) {
            if (!walk.admit()) {
                return;
            }
            listener.member(member);
        }
        budget.incomplete("archive.rar-not-unpacked", walk.where, walk.where
            + ": RAR archive listed (" + listing.members().size() + " members) but its content was not unpacked");
        if (listing.truncated()) {
            budget.incomplete("archive.unreadable", walk.where, walk.where + ": RAR headers broken or over the cap");
        }
    }

    private static String stripSuffix(String path, String... suffixes) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        for (String suffix : suffixes) {
            if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                String stripped = name.substring(0, name.length() - suffix.length());
                return suffix.equals(".tgz") || suffix.equals(".tbz2") ? stripped + ".tar" : stripped;
            }
        }
        return name + ".unpacked";
    }

    /** The per-archive state: members taken, bytes unpacked from it, where to point findings. */
    private final class Walk {
        private final long archiveSize;
        private final String name;
        private final String where;
        private final ArchiveFormat format;
        private long unpacked;

        Walk(long archiveSize, String name, String where, ArchiveFormat format) {
            this.archiveSize = archiveSize;
            this.name = name;
            this.where = where;
            this.format = format;
        }

        boolean admit() {
            if (budget.expired()) {
                budget.timedOut(where);
                return false;
            }
            if (!budget.takeEntry()) {
                budget.incomplete("archive.max-entries", where, where + ": more than "
                    + budget.settings().maxArchiveEntries() + " archive members in the message; the rest was not scanned");
                return false;
            }
            return true;
        }

        /** The member's bytes; {@code null} when a cap stopped the read (the walk must end). */
        Optional<byte[]> read(InputStream in) {
            long ratioAllowance = budget.settings().maxExpansionRatio() * Math.max(archiveSize, MIN_RATIO_BASE)
                - unpacked;
            long totalAllowance = budget.remainingBytes();
            long limit = Math.min(ratioAllowance, totalAllowance);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[CHUNK];
            long read = 0;
            try {
                int n;
                while ((n = in.read(buffer, 0, (int) Math.min(CHUNK, limit - read + 1))) > 0) {
                    read += n;
                    if (read > limit) {
                        unpacked += read;
                        budget.consumeBytes(read);
                        if (ratioAllowance <= totalAllowance) {
                            budget.incomplete("archive.expansion-ratio", where, where + ": " + format.displayName()
                                + " expands more than " + budget.settings().maxExpansionRatio()
                                + " times its size (possible decompression bomb); not fully scanned");
                        } else {
                            budget.incomplete("archive.max-bytes", where, where + ": over "
                                + budget.settings().maxTotalUncompressedBytes()
                                + " unpacked bytes in the message; not fully scanned");
                        }
                        return null;
                    }
                    out.write(buffer, 0, n);
                    if (budget.expired()) {
                        budget.timedOut(where);
                        return null;
                    }
                }
            } catch (IOException | RuntimeException e) {
                budget.incomplete("archive.unreadable", where, where + ": a " + format.displayName()
                    + " member could not be unpacked (" + e.getClass().getSimpleName() + ")");
                return Optional.empty();
            }
            unpacked += read;
            budget.consumeBytes(read);
            return Optional.of(out.toByteArray());
        }
    }

    /** The current entry of a {@link SevenZFile} as a stream (SevenZFile reads entries in order). */
    private static final class SevenZEntryStream extends InputStream {
        private final SevenZFile file;

        SevenZEntryStream(SevenZFile file) {
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            return file.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return file.read(b, off, len);
        }
    }
}
