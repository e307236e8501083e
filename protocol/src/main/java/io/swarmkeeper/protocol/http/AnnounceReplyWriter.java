package io.swarmkeeper.protocol.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.CompactPeers;
import io.swarmkeeper.protocol.bencode.Ascii;
import io.swarmkeeper.protocol.bencode.BencodeEncoder;
import io.swarmkeeper.protocol.bencode.SortedKeys;

/**
 * Writes a BEP 3 announce reply into a buffer as the swarm picks the peers, allocating nothing
 * once its arrays have grown to the largest reply. One instance per event loop.
 *
 * <p>Bencode puts a byte string's length before its bytes, and the counts and interval come from
 * the same announce that produces the peers, so the peers are gathered aside, one array per
 * family, in their final form, and copied in with one call each once {@link #finish} has written
 * the dictionary's head: compact peers in their wire form ({@link CompactPeers}), dictionary peers
 * as their bencoded text (written into the buffer a field at a time they cost ~60 ns each, JMH
 * {@code HttpAnnounceReplyBenchmark}).
 *
 * <p>Compact replies (BEP 23) carry IPv4 peers in {@code peers} (6 bytes each) and IPv6 peers in
 * {@code peers6} (BEP 7, 18 bytes each). Dictionary replies carry both families in one
 * {@code peers} list of {@code {ip, port}}. They never carry {@code peer id}: the swarm does not
 * keep peer ids, since storing 20 more bytes per peer would double its memory for a field that
 * clients ignore (they learn the id in the peer handshake anyway).
 */
public final class AnnounceReplyWriter {
    private static final byte[] COMPLETE = BencodeEncoder.key("complete");
    private static final byte[] DOWNLOADED = BencodeEncoder.key("downloaded");
    private static final byte[] EXTERNAL_IP = BencodeEncoder.key("external ip");
    private static final byte[] INCOMPLETE = BencodeEncoder.key("incomplete");
    private static final byte[] INTERVAL = BencodeEncoder.key("interval");
    private static final byte[] MIN_INTERVAL = BencodeEncoder.key("min interval");
    private static final byte[] PEERS = BencodeEncoder.key("peers");
    private static final byte[] PEERS6 = BencodeEncoder.key("peers6");
    private static final byte[] WARNING_MESSAGE = BencodeEncoder.key("warning message");
    private static final byte[] IP = BencodeEncoder.key("ip");
    private static final byte[] PORT = BencodeEncoder.key("port");

    static {
        SortedKeys.require(COMPLETE, DOWNLOADED, EXTERNAL_IP, INCOMPLETE, INTERVAL, MIN_INTERVAL, PEERS, PEERS6,
                WARNING_MESSAGE);
        SortedKeys.require(IP, PORT);
    }

    /**
     * The most the head takes: 'd', six keys of at most 16 bytes with their prefixes, five ints of
     * at most 13 bytes, 19 for the address.
     */
    private static final int HEAD_MAX = 1 + 6 * 16 + 5 * 13 + 19;
    /** The longest {@code N:} prefix of a peer list: lists stay far below 10^7 bytes. */
    private static final int PREFIX_MAX = 8;
    private static final int COMPACT_V4 = CompactPeers.IPV4_LENGTH;
    private static final int COMPACT_V6 = CompactPeers.IPV6_LENGTH;
    /** {@code d2:ip15:255.255.255.2554:porti65535ee}. */
    private static final int DICT_V4 = 37;
    /** {@code d2:ip39:<39 chars>4:porti65535ee}. */
    private static final int DICT_V6 = 61;

    private ByteBuf out;
    private int bodyStart;
    private boolean compact;
    private int maxPeers;
    private int v4Count;
    private int v6Count;
    private int externalFamily;
    private int externalIpv4;
    private long externalIpv6High;
    private long externalIpv6Low;
    private byte[] warning;
    /** The reply's peers in their final form, and their lengths in bytes; grown to the largest reply. */
    private byte[] gathered4 = new byte[0];
    private byte[] gathered6 = new byte[0];
    private int v4Length;
    private int v6Length;

    /** Bytes a reply with up to {@code maxPeers} peers per family can take, warning excluded. */
    public static int maxBodySize(int maxPeers, boolean compact) {
        int perPeer = compact ? COMPACT_V4 + COMPACT_V6 : DICT_V4 + DICT_V6;
        return HEAD_MAX + 2 * (PEERS6.length + PREFIX_MAX) + 2 + maxPeers * perPeer;
    }

    /**
     * Starts a reply at {@code out.writerIndex()}, accepting up to {@code maxPeers} peers of each
     * family; more are dropped, so a store that oversteps cannot overrun the reserve.
     */
    public void begin(ByteBuf out, int maxPeers, boolean compact) {
        this.out = out;
        this.bodyStart = out.writerIndex();
        this.compact = compact;
        this.maxPeers = maxPeers;
        out.ensureWritable(maxBodySize(maxPeers, compact));
        int v4Room = maxPeers * (compact ? COMPACT_V4 : DICT_V4);
        if (gathered4.length < v4Room) {
            gathered4 = new byte[v4Room];
        }
        int v6Room = maxPeers * (compact ? COMPACT_V6 : DICT_V6);
        if (gathered6.length < v6Room) {
            gathered6 = new byte[v6Room];
        }
        v4Count = v6Count = 0;
        v4Length = v6Length = 0;
        externalFamily = 0;
        warning = null;
    }

    public void externalIpv4(int address) {
        externalFamily = 4;
        externalIpv4 = address;
    }

    public void externalIpv6(long high, long low) {
        externalFamily = 6;
        externalIpv6High = high;
        externalIpv6Low = low;
    }

    /** A BEP 3 {@code warning message}, already bencoded as a byte string (see {@link BencodeEncoder#key}). */
    public void warning(byte[] encodedMessage) {
        warning = encodedMessage;
    }

    public void ipv4(int address, int port) {
        if (v4Count == maxPeers) {
            return;
        }
        v4Count++;
        v4Length = compact
                ? CompactPeers.putIpv4(gathered4, v4Length, address, port)
                : dictPeer(gathered4, v4Length, false, address, 0, 0, port);
    }

    /**
     * IPv4 peers as the store hands them over, each a long with its address in bits 16-47 and its
     * port in bits 0-15; a compact reply takes a batch with a few plain stores per peer.
     */
    public void ipv4(long[] peers, int count) {
        int n = Math.min(count, maxPeers - v4Count);
        if (!compact) {
            for (int i = 0; i < n; i++) {
                ipv4((int) (peers[i] >>> 16), (int) peers[i] & 0xFFFF);
            }
            return;
        }
        if (n > 0) {
            v4Length = CompactPeers.putIpv4(gathered4, v4Length, peers, n);
            v4Count += n;
        }
    }

    public void ipv6(long high, long low, int port) {
        if (v6Count == maxPeers) {
            return;
        }
        v6Count++;
        v6Length = compact
                ? CompactPeers.putIpv6(gathered6, v6Length, high, low, port)
                : dictPeer(gathered6, v6Length, true, 0, high, low, port);
    }

    /** Completes the body; {@code out.writerIndex()} ends up just after it. */
    public void finish(int interval, int minInterval, int complete, int incomplete, int downloaded) {
        out.writerIndex(bodyStart);
        BencodeEncoder.beginDict(out);
        out.writeBytes(COMPLETE);
        BencodeEncoder.integer(out, complete);
        out.writeBytes(DOWNLOADED);
        BencodeEncoder.integer(out, downloaded);
        if (externalFamily == 4) {
            out.writeBytes(EXTERNAL_IP);
            BencodeEncoder.lengthPrefix(out, 4);
            out.writeInt(externalIpv4);
        } else if (externalFamily == 6) {
            out.writeBytes(EXTERNAL_IP);
            BencodeEncoder.lengthPrefix(out, 16);
            out.writeLong(externalIpv6High).writeLong(externalIpv6Low);
        }
        out.writeBytes(INCOMPLETE);
        BencodeEncoder.integer(out, incomplete);
        out.writeBytes(INTERVAL);
        BencodeEncoder.integer(out, interval);
        out.writeBytes(MIN_INTERVAL);
        BencodeEncoder.integer(out, minInterval);
        out.writeBytes(PEERS);
        if (compact) {
            BencodeEncoder.lengthPrefix(out, v4Length);
            out.writeBytes(gathered4, 0, v4Length);
            if (v6Count > 0) {
                out.writeBytes(PEERS6);
                BencodeEncoder.lengthPrefix(out, v6Length);
                out.writeBytes(gathered6, 0, v6Length);
            }
        } else {
            BencodeEncoder.beginList(out);
            out.writeBytes(gathered4, 0, v4Length);
            out.writeBytes(gathered6, 0, v6Length);
            BencodeEncoder.end(out);
        }
        if (warning != null) {
            out.writeBytes(WARNING_MESSAGE);
            out.writeBytes(warning);
        }
        BencodeEncoder.end(out);
    }

    /** Puts {@code d2:ip<len>:<address>4:porti<port>ee} into {@code to} at {@code at}; the offset after it. */
    private static int dictPeer(byte[] to, int at, boolean v6, int v4, long high, long low, int port) {
        to[at++] = 'd';
        System.arraycopy(IP, 0, to, at, IP.length);
        at += IP.length;
        at = Ascii.put(to, at, v6 ? IpText.ipv6Length(high, low) : IpText.ipv4Length(v4));
        to[at++] = ':';
        at = v6 ? IpText.putIpv6(to, at, high, low) : IpText.putIpv4(to, at, v4);
        System.arraycopy(PORT, 0, to, at, PORT.length);
        at += PORT.length;
        to[at++] = 'i';
        at = Ascii.put(to, at, port);
        to[at++] = 'e';
        to[at++] = 'e';
        return at;
    }
}
