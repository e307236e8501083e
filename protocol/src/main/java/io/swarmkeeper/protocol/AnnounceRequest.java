package io.swarmkeeper.protocol;

/**
 * One announce, decoded from UDP or HTTP into a holder that each event loop owns and reuses, so
 * decoding allocates nothing. The transport fills the fields from the wire, then sets the peer's
 * address ({@link #setPeerIpv4}/{@link #setPeerIpv6}) from the packet's source, or from a
 * client-supplied address where the configuration allows it.
 */
public final class AnnounceRequest {
    public static final int PEER_ID_LENGTH = 20;
    /** BEP 41 allows many URL-data options of up to 255 bytes each; more than this is refused. */
    public static final int MAX_URL_DATA = 1024;
    public static final int NUMWANT_DEFAULT = -1;

    public long infoHashHigh;
    public long infoHashMiddle;
    public int infoHashLow;
    public final byte[] peerId = new byte[PEER_ID_LENGTH];
    public int port;
    public long uploaded;
    public long downloaded;
    public long left;
    public int event;
    /** {@link #NUMWANT_DEFAULT} when the client did not say. */
    public int numwant;
    public int key;
    public boolean hasKey;
    /** HTTP only: compact (BEP 23) unless the client asked for compact=0. */
    public boolean compact;
    public boolean noPeerId;

    /** An address the client claims for itself (HTTP ip/ipv4/ipv6, UDP IP field); used only if allowed. */
    public boolean claimedIpv4Present;
    public int claimedIpv4;
    public boolean claimedIpv6Present;
    public long claimedIpv6High;
    public long claimedIpv6Low;

    /** BEP 41 URL data (path and query of the announce URL), concatenated from its options. */
    public final byte[] urlData = new byte[MAX_URL_DATA];
    public int urlDataLength;

    /** The address the swarm records for this peer. */
    public boolean peerIsIpv6;
    public int peerIpv4;
    public long peerIpv6High;
    public long peerIpv6Low;

    public AnnounceRequest() {
        clear();
    }

    public void clear() {
        infoHashHigh = infoHashMiddle = 0;
        infoHashLow = 0;
        port = 0;
        uploaded = downloaded = left = 0;
        event = AnnounceEvent.NONE;
        numwant = NUMWANT_DEFAULT;
        key = 0;
        hasKey = false;
        compact = true;
        noPeerId = false;
        claimedIpv4Present = claimedIpv6Present = false;
        claimedIpv4 = 0;
        claimedIpv6High = claimedIpv6Low = 0;
        urlDataLength = 0;
        peerIsIpv6 = false;
        peerIpv4 = 0;
        peerIpv6High = peerIpv6Low = 0;
    }

    public void setPeerIpv4(int ip) {
        peerIsIpv6 = false;
        peerIpv4 = ip;
    }

    public void setPeerIpv6(long high, long low) {
        peerIsIpv6 = true;
        peerIpv6High = high;
        peerIpv6Low = low;
    }

    public boolean isSeeder() {
        return left == 0;
    }

    /** BEP 21: an incomplete peer that wants no more pieces says {@code paused} on every announce. */
    public boolean isPartialSeed() {
        return left != 0 && event == AnnounceEvent.PAUSED;
    }
}
