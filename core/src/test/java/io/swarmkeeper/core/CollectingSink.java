package io.swarmkeeper.core;

import java.util.ArrayList;
import java.util.List;

/** Records the peers a store hands out, as "a.b.c.d:port" or "[hex:hex]:port" strings. */
final class CollectingSink implements PeerSink {
    final List<String> peers = new ArrayList<>();

    @Override
    public void ipv4(int address, int port) {
        peers.add((address >>> 24 & 0xFF) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "."
                + (address & 0xFF) + ":" + port);
    }

    @Override
    public void ipv6(long addressHigh, long addressLow, int port) {
        peers.add("[" + Long.toHexString(addressHigh) + ":" + Long.toHexString(addressLow) + "]:" + port);
    }
}
