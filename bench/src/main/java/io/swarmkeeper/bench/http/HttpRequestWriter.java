package io.swarmkeeper.bench.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.PeerPopulation;
import io.swarmkeeper.bench.load.TorrentSet;
import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.bencode.Ascii;
import io.swarmkeeper.protocol.http.QueryEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes keep-alive GET requests for announce (compact) and scrape straight into a buffer. The
 * info-hashes are percent-encoded once, with the protocol module's client encoder, when the
 * writer is made; a request then costs copies and digits, no allocation.
 */
final class HttpRequestWriter {
    private static final byte[] ANNOUNCE = ascii("GET /announce?info_hash=");
    private static final byte[] SCRAPE = ascii("GET /scrape?info_hash=");
    private static final byte[] AND_INFO_HASH = ascii("&info_hash=");
    private static final byte[] PEER_ID = ascii("&peer_id=");
    private static final byte[] PORT = ascii("&port=");
    private static final byte[] UPLOADED = ascii("&uploaded=");
    private static final byte[] DOWNLOADED = ascii("&downloaded=");
    private static final byte[] LEFT = ascii("&left=");
    private static final byte[] NUMWANT = ascii("&numwant=");
    private static final byte[] KEY = ascii("&key=");
    private static final byte[] COMPACT = ascii("&compact=1");
    private static final byte[] EVENT = ascii("&event=");
    private static final byte[][] EVENTS = {
        ascii(""), ascii("completed"), ascii("started"), ascii("stopped")
    };
    private static final byte[] VERSION_HOST = ascii(" HTTP/1.1\r\nHost: ");
    private static final byte[] END = ascii("\r\n\r\n");

    private final byte[][] encodedInfoHash;
    private final byte[] host;

    HttpRequestWriter(TorrentSet torrents, String host) {
        encodedInfoHash = new byte[torrents.count()][];
        StringBuilder encoded = new StringBuilder(60);
        for (int t = 0; t < torrents.count(); t++) {
            encoded.setLength(0);
            QueryEncoder.percentEncode(encoded, torrents.infoHash(t));
            encodedInfoHash[t] = ascii(encoded.toString());
        }
        this.host = ascii(host);
    }

    /** {@code a} was filled by {@link PeerPopulation#nextAnnounce}; {@code torrent} is its torrent's index. */
    void announce(ByteBuf out, int torrent, AnnounceRequest a) {
        out.writeBytes(ANNOUNCE).writeBytes(encodedInfoHash[torrent]);
        // The generator's peer ids are printable ASCII digits and letters: nothing to escape.
        out.writeBytes(PEER_ID).writeBytes(a.peerId);
        out.writeBytes(PORT);
        Ascii.writeLong(out, a.port);
        out.writeBytes(UPLOADED);
        Ascii.writeLong(out, a.uploaded);
        out.writeBytes(DOWNLOADED);
        Ascii.writeLong(out, a.downloaded);
        out.writeBytes(LEFT);
        Ascii.writeLong(out, a.left);
        out.writeBytes(NUMWANT);
        Ascii.writeLong(out, a.numwant);
        out.writeBytes(KEY);
        Ascii.writeLong(out, a.key & 0xFFFF_FFFFL);
        out.writeBytes(COMPACT);
        if (a.event != AnnounceEvent.NONE) {
            out.writeBytes(EVENT).writeBytes(EVENTS[a.event]);
        }
        end(out);
    }

    void scrape(ByteBuf out, PeerPopulation peers, int peer) {
        out.writeBytes(SCRAPE).writeBytes(encodedInfoHash[peers.scrapeTorrent(peer, 0)]);
        for (int i = 1; i < peers.scrapeCount(peer); i++) {
            out.writeBytes(AND_INFO_HASH).writeBytes(encodedInfoHash[peers.scrapeTorrent(peer, i)]);
        }
        end(out);
    }

    private void end(ByteBuf out) {
        out.writeBytes(VERSION_HOST).writeBytes(host).writeBytes(END);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
