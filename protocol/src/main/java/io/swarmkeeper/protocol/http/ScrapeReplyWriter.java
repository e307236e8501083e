package io.swarmkeeper.protocol.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.InfoHash;
import io.swarmkeeper.protocol.bencode.BencodeEncoder;
import io.swarmkeeper.protocol.bencode.SortedKeys;

/**
 * Writes a BEP 48 scrape reply: {@code files} keyed by raw 20-byte info-hash, each with
 * {@code complete}, {@code downloaded}, {@code downloaders} (BEP 21: leechers that are not
 * partial seeds) and {@code incomplete}. Callers pass files in raw-byte order of their hashes.
 */
public final class ScrapeReplyWriter {
    private static final byte[] FILES = BencodeEncoder.key("files");
    private static final byte[] COMPLETE = BencodeEncoder.key("complete");
    private static final byte[] DOWNLOADED = BencodeEncoder.key("downloaded");
    private static final byte[] DOWNLOADERS = BencodeEncoder.key("downloaders");
    private static final byte[] INCOMPLETE = BencodeEncoder.key("incomplete");
    private static final byte[] HASH_PREFIX = {'2', '0', ':'};
    /** {@code 20:<hash>d8:complete<int>10:downloaded<int>11:downloaders<int>10:incomplete<int>e}. */
    public static final int MAX_FILE_SIZE = 3 + 20 + 1 + 10 + 13 + 13 + 13 + 14 + 13 + 13 + 13 + 1;

    static {
        SortedKeys.require(COMPLETE, DOWNLOADED, DOWNLOADERS, INCOMPLETE);
    }

    private ScrapeReplyWriter() {}

    public static void begin(ByteBuf out) {
        BencodeEncoder.beginDict(out);
        out.writeBytes(FILES);
        BencodeEncoder.beginDict(out);
    }

    public static void file(ByteBuf out, long high, long middle, int low,
                            int complete, int downloaded, int downloaders, int incomplete) {
        out.writeBytes(HASH_PREFIX);
        InfoHash.write(out, high, middle, low);
        BencodeEncoder.beginDict(out);
        out.writeBytes(COMPLETE);
        BencodeEncoder.integer(out, complete);
        out.writeBytes(DOWNLOADED);
        BencodeEncoder.integer(out, downloaded);
        out.writeBytes(DOWNLOADERS);
        BencodeEncoder.integer(out, downloaders);
        out.writeBytes(INCOMPLETE);
        BencodeEncoder.integer(out, incomplete);
        BencodeEncoder.end(out);
    }

    public static void finish(ByteBuf out) {
        BencodeEncoder.end(out);
        BencodeEncoder.end(out);
    }
}
