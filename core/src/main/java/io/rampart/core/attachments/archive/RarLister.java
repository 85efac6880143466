package io.rampart.core.attachments.archive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the members of a RAR archive (RAR 4.x and RAR 5.0 formats) by reading its block headers:
 * names, sizes and encryption flags, no decompression.
 *
 * <p>Written by hand because the only Java RAR reader, junrar, carries the UnRAR licence, which is
 * not an open-source licence (it forbids re-creating the RAR compression algorithm) and cannot be
 * bundled here; commons-compress has no RAR support. Listing is what the gateway needs: dangerous
 * member names, encryption, and the honest admission that the content was not scanned.
 *
 * <p>Layouts follow RARLAB's published technote for RAR 5.0 and the RAR 2.x-4.x format notes.
 * Every read is bounds-checked: a truncated or hostile archive ends the listing, never throws.
 */
public final class RarLister {
    private static final byte[] RAR4_SIGNATURE = {'R', 'a', 'r', '!', 0x1A, 0x07, 0x00};
    private static final byte[] RAR5_SIGNATURE = {'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00};

    /** What the headers say. */
    public static final class Listing {
        private final List<ArchiveMember> members = new ArrayList<>();
        private boolean headersEncrypted;
        private boolean truncated;

        public List<ArchiveMember> members() {
            return members;
        }

        /** The whole header area is encrypted (RAR "encrypt file names"): nothing can be listed. */
        public boolean headersEncrypted() {
            return headersEncrypted;
        }

        /** The listing stopped early: broken headers, or the member cap. */
        public boolean truncated() {
            return truncated;
        }
    }

    private RarLister() {
    }

    public static boolean isRar(byte[] b) {
        return startsWith(b, RAR4_SIGNATURE) || startsWith(b, RAR5_SIGNATURE);
    }

    public static Listing list(byte[] b, int maxMembers) {
        Listing listing = new Listing();
        try {
            if (startsWith(b, RAR5_SIGNATURE)) {
                listRar5(b, maxMembers, listing);
            } else if (startsWith(b, RAR4_SIGNATURE)) {
                listRar4(b, maxMembers, listing);
            }
        } catch (IndexOutOfBoundsException e) {
            listing.truncated = true;
        }
        return listing;
    }

    // RAR 4.x: HEAD_CRC(2) HEAD_TYPE(1) HEAD_FLAGS(2) HEAD_SIZE(2) [ADD_SIZE(4)] ...
    private static void listRar4(byte[] b, int maxMembers, Listing listing) {
        long pos = RAR4_SIGNATURE.length;
        while (pos + 7 <= b.length) {
            int p = (int) pos;
            int type = b[p + 2] & 0xFF;
            int flags = u16(b, p + 3);
            int headSize = u16(b, p + 5);
            if (headSize < 7) {
                listing.truncated = true;
                return;
            }
            long addSize = (flags & 0x8000) != 0 && p + 11 <= b.length ? u32(b, p + 7) : 0;
            if (type == 0x73 && (flags & 0x0080) != 0) {
                listing.headersEncrypted = true;
                return;
            }
            if (type == 0x74) {
                long packSize = u32(b, p + 7);
                long unpSize = u32(b, p + 11);
                int nameSize = u16(b, p + 26);
                int nameStart = p + 32;
                if ((flags & 0x100) != 0) {
                    packSize |= u32(b, p + 32) << 32;
                    unpSize |= u32(b, p + 36) << 32;
                    nameStart += 8;
                }
                if (nameStart + nameSize > b.length) {
                    listing.truncated = true;
                    return;
                }
                String name = rar4Name(b, nameStart, nameSize, (flags & 0x200) != 0);
                boolean directory = (flags & 0xE0) == 0xE0;
                if (!directory) {
                    if (listing.members.size() >= maxMembers) {
                        listing.truncated = true;
                        return;
                    }
                    listing.members.add(ArchiveMember.of(name, unpSize, (flags & 0x04) != 0,
                        java.util.Optional.empty()));
                }
                addSize = packSize;
            }
            if (type == 0x7B) {
                return;
            }
            long next = pos + headSize + addSize;
            if (next <= pos) {
                listing.truncated = true;
                return;
            }
            pos = next;
        }
    }

    private static String rar4Name(byte[] b, int start, int size, boolean unicode) {
        int end = start;
        while (end < start + size && b[end] != 0) {
            end++;
        }
        // With the unicode flag the name is "ascii\0encoded-unicode"; the ascii half is enough to judge it.
        return new String(b, start, end - start, unicode ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    // RAR 5.0: CRC32(4) HeaderSize(vint) HeaderType(vint) HeaderFlags(vint) [ExtraSize(vint)] [DataSize(vint)] ...
    private static void listRar5(byte[] b, int maxMembers, Listing listing) {
        long pos = RAR5_SIGNATURE.length;
        while (pos + 7 <= b.length) {
            int[] cursor = {(int) pos + 4};
            long headerSize = vint(b, cursor);
            int headerStart = cursor[0];
            long headerEnd = headerStart + headerSize;
            if (headerSize < 2 || headerEnd > b.length) {
                listing.truncated = true;
                return;
            }
            long type = vint(b, cursor);
            long flags = vint(b, cursor);
            long extraSize = (flags & 0x01) != 0 ? vint(b, cursor) : 0;
            long dataSize = (flags & 0x02) != 0 ? vint(b, cursor) : 0;
            if (type == 4) {
                listing.headersEncrypted = true;
                return;
            }
            if (type == 2) {
                long fileFlags = vint(b, cursor);
                long unpackedSize = vint(b, cursor);
                vint(b, cursor); // attributes
                if ((fileFlags & 0x02) != 0) {
                    cursor[0] += 4;
                }
                if ((fileFlags & 0x04) != 0) {
                    cursor[0] += 4;
                }
                vint(b, cursor); // compression information
                vint(b, cursor); // host OS
                long nameLength = vint(b, cursor);
                if (nameLength < 0 || cursor[0] + nameLength > headerEnd) {
                    listing.truncated = true;
                    return;
                }
                String name = new String(b, cursor[0], (int) nameLength, StandardCharsets.UTF_8);
                boolean encrypted = extraSize > 0 && hasEncryptionRecord(b, (int) (headerEnd - extraSize), (int) headerEnd);
                if ((fileFlags & 0x01) == 0) {
                    if (listing.members.size() >= maxMembers) {
                        listing.truncated = true;
                        return;
                    }
                    listing.members.add(ArchiveMember.of(name, unpackedSize, encrypted, java.util.Optional.empty()));
                }
            }
            if (type == 5) {
                return;
            }
            long next = headerEnd + dataSize;
            if (next <= pos || dataSize < 0) {
                listing.truncated = true;
                return;
            }
            pos = next;
        }
    }

    private static boolean hasEncryptionRecord(byte[] b, int start, int end) {
        int[] cursor = {start};
        while (cursor[0] < end) {
            long size = vint(b, cursor);
            int recordStart = cursor[0];
            if (size <= 0 || recordStart + size > end) {
                return false;
            }
            long type = vint(b, cursor);
            if (type == 1) {
                return true;
            }
            cursor[0] = (int) (recordStart + size);
        }
        return false;
    }

    private static long vint(byte[] b, int[] cursor) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int current = b[cursor[0]++] & 0xFF;
            value |= (long) (current & 0x7F) << shift;
            if ((current & 0x80) == 0) {
                return value;
            }
        }
        throw new IndexOutOfBoundsException("variable-length integer too long");
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    }
}
