package io.swarmkeeper.bench.http;

import io.swarmkeeper.bench.load.ReplyError;
import io.swarmkeeper.protocol.bencode.BencodeDecoder;
import io.swarmkeeper.protocol.bencode.DecodeException;
import java.util.List;
import java.util.Map;

/**
 * Validates a bencoded announce or scrape reply with the protocol module's decoder: a dictionary,
 * no {@code failure reason}, the keys BEP 3 and BEP 48 require with non-negative counts, compact
 * peer strings of whole entries, no more peers than numwant, no more scrape entries than asked.
 * The decoder builds maps, so this allocates; HTTP rates are far below where that matters.
 */
final class HttpReplyCheck {
    private static final int PEER_IPV4_LENGTH = 6;
    private static final int PEER_IPV6_LENGTH = 18;
    private static final String[] SCRAPE_COUNTS = {"complete", "incomplete", "downloaded"};

    /** Peers in the last valid announce reply. */
    int peers;

    ReplyError announce(byte[] body, int length, int numwant) {
        Map<String, Object> reply = dictionary(body, length);
        if (reply == null) {
            return ReplyError.BAD_BENCODE;
        }
        if (reply.containsKey("failure reason")) {
            return ReplyError.ERROR_REPLY;
        }
        if (!(reply.get("interval") instanceof Long interval)) {
            return ReplyError.BAD_BENCODE;
        }
        if (interval < 0 || negative(reply.get("complete")) || negative(reply.get("incomplete"))) {
            return ReplyError.NEGATIVE_COUNT;
        }
        int v4 = count(reply.get("peers"), PEER_IPV4_LENGTH);
        int v6 = reply.containsKey("peers6") ? count(reply.get("peers6"), PEER_IPV6_LENGTH) : 0;
        if (v4 < 0 || v6 < 0) {
            return ReplyError.BAD_BENCODE;
        }
        if (numwant >= 0 && v4 + v6 > numwant) {
            return ReplyError.TOO_MANY_PEERS;
        }
        peers = v4 + v6;
        return null;
    }

    ReplyError scrape(byte[] body, int length, int asked) {
        Map<String, Object> reply = dictionary(body, length);
        if (reply == null) {
            return ReplyError.BAD_BENCODE;
        }
        if (reply.containsKey("failure reason")) {
            return ReplyError.ERROR_REPLY;
        }
        if (!(reply.get("files") instanceof Map<?, ?> files)) {
            return ReplyError.BAD_BENCODE;
        }
        // A scrape may ask for one torrent twice, and a tracker may leave out torrents it does not know.
        if (files.size() > asked) {
            return ReplyError.WRONG_ENTRY_COUNT;
        }
        for (Object entry : files.values()) {
            if (!(entry instanceof Map<?, ?> counts)) {
                return ReplyError.BAD_BENCODE;
            }
            for (String key : SCRAPE_COUNTS) {
                if (!(counts.get(key) instanceof Long n)) {
                    return ReplyError.BAD_BENCODE;
                }
                if (n < 0) {
                    return ReplyError.NEGATIVE_COUNT;
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dictionary(byte[] body, int length) {
        try {
            return BencodeDecoder.decode(body, 0, length) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (DecodeException e) {
            return null;
        }
    }

    private static boolean negative(Object count) {
        return count instanceof Long n && n < 0;
    }

    /** Peers in a compact string of {@code entryLength}-byte entries or a dictionary-model list; -1 if neither. */
    private static int count(Object peers, int entryLength) {
        if (peers instanceof byte[] compact) {
            return compact.length % entryLength == 0 ? compact.length / entryLength : -1;
        }
        return peers instanceof List<?> list ? list.size() : -1;
    }
}
