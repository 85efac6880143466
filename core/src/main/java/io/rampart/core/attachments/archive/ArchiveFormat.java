package io.rampart.core.attachments.archive;

import java.util.Locale;
import java.util.Optional;

/** The archive and compression formats opened by {@link ArchiveWalker}, recognised by magic number. */
public enum ArchiveFormat {
    ZIP, SEVEN_Z, RAR, TAR, GZIP, BZIP2;

    public static Optional<ArchiveFormat> sniff(byte[] b) {
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6)
            || (b[2] == 7 && b[3] == 8))) {
            return Optional.of(ZIP);
        }
        if (b.length >= 6 && b[0] == '7' && b[1] == 'z' && (b[2] & 0xFF) == 0xBC && (b[3] & 0xFF) == 0xAF
            && b[4] == 0x27 && b[5] == 0x1C) {
            return Optional.of(SEVEN_Z);
        }
        if (RarLister.isRar(b)) {
            return Optional.of(RAR);
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B && b[2] == 8) {
            return Optional.of(GZIP);
        }
        if (b.length >= 10 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h' && b[3] >= '1' && b[3] <= '9') {
            return Optional.of(BZIP2);
        }
        if (b.length >= 262 && b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a' && b[261] == 'r') {
            return Optional.of(TAR);
        }
        return Optional.empty();
    }

    public String displayName() {
        return this == SEVEN_Z ? "7z" : name().toLowerCase(Locale.ROOT);
    }
}
