package io.swarmkeeper.protocol.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.CompactPeers;
import io.swarmkeeper.protocol.bencode.BencodeEncoder;
import io.swarmkeeper.protocol.bencode.SortedKeys;

/**
 * Writes a BEP 3 announce reply into a buffer as the swarm picks the peers, allocating nothing
 * once its arrays have grown to the largest reply. One instance per event loop.
 *
 * <p>Bencode puts a byte string's length before its bytes, and the counts and interval come from
 * the same announce that produces the peers, so the peers are kept aside until {@link #finish}
 * has written the dictionary's head. Compact peers are gathered in two arrays in their wire form
 * ({@link CompactPeers}), each copied in with one call. Dictionary peers, text of varying length,
 * are written into the buffer itself, into regions reserved after room for the head:
 *
 * <pre>
 * body start
 * | dictionary head (counts, external ip, intervals) reserve | v4 reserve (maxPeers entries) | v6 reserve |
 * </pre>
 *
 * and {@link #finish} writes the head, then slides each region down to close the gaps. Every
 * slide moves bytes to a lower index, so an ascending copy is safe.
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

    /** 'd', six keys of at most 16 bytes with their prefixes, five ints of at most 13 bytes, 19 for the address. */
    private static final int HEAD_RESERVE = 1 + 6 * 16 + 5 * 13 + 19;
    /** The longest {@code N:} prefix of a peer region: regions stay far below 10^7 bytes. */
    private static final int PREFIX_RESERVE = 8;
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
    private int v4Start;
    private int v4End;
    private int v4Count;
    private int v6Start;
    private int v6End;
    private int v6Count;
    private int externalFamily;
    private int externalIpv4;
    private long externalIpv6High;
    private long externalIpv6Low;
    private byte[] warning;
    /** A compact reply's peers in wire form, and their lengths in bytes; grown to the largest reply. */
    private byte[] gathered4 = new byte[0];
    private byte[] gathered6 = new byte[0];
    private int v4Length;
    private int v6Length;

    /** Bytes a reply with up to {@code maxPeers} peers per family can take, warning excluded. */
    public static int maxBodySize(int maxPeers, boolean compact) {
        int perPeer = compact ? COMPACT_V4 + COMPACT_V6 : DICT_V4 + DICT_V6;
        return HEAD_RESERVE + 2 * (PEERS6.length + PREFIX_RESERVE) + 2 + maxPeers * perPeer;
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
        if (compact) {
            if (gathered4.length < maxPeers * COMPACT_V4) {
                gathered4 = new byte[maxPeers * COMPACT_V4];
                gathered6 = new byte[maxPeers * COMPACT_V6];
            }
        } else {
            v4Start = v4End = bodyStart + HEAD_RESERVE + PEERS.length + PREFIX_RESERVE + 1;
            v6Start = v6End = v4Start + maxPeers * DICT_V4 + PEERS6.length + PREFIX_RESERVE;
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
        if (compact) {
            v4Length = CompactPeers.putIpv4(gathered4, v4Length, address, port);
        } else {
            v4End = dictPeer(v4End, false, address, 0, 0, port);
        }
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
        if (compact) {
            v6Length = CompactPeers.putIpv6(gathered6, v6Length, high, low, port);
        } else {
            v6End = dictPeer(v6End, true, 0, high, low, port);
        }
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
            slide(v4Start, v4End);
            slide(v6Start, v6End);
            BencodeEncoder.end(out);
        }
        if (warning != null) {
            out.writeBytes(WARNING_MESSAGE);
            out.writeBytes(warning);
        }
        BencodeEncoder.end(out);
    }

    private int dictPeer(int at, boolean v6, int v4, long high, long low, int port) {
        int saved = out.writerIndex();
        out.writerIndex(at);
        BencodeEncoder.beginDict(out);
        out.writeBytes(IP);
        if (v6) {
            BencodeEncoder.lengthPrefix(out, IpText.ipv6Length(high, low));
            IpText.writeIpv6(out, high, low);
        } else {
            BencodeEncoder.lengthPrefix(out, IpText.ipv4Length(v4));
            IpText.writeIpv4(out, v4);
        }
        out.writeBytes(PORT);
        BencodeEncoder.integer(out, port);
        BencodeEncoder.end(out);
        int end = out.writerIndex();
        out.writerIndex(saved);
        return end;
    }

    /** Moves {@code [from, to)} down to the writer index, in ascending order (the target is lower). */
    private void slide(int from, int to) {
        int dst = out.writerIndex();
        int n = to - from;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            out.setLong(dst + i, out.getLong(from + i));
        }
        for (; i < n; i++) {
            out.setByte(dst + i, out.getByte(from + i));
        }
        out.writerIndex(dst + n);
    }
}
