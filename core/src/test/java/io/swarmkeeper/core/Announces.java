package io.swarmkeeper.core;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;

/** Builds announce requests for store tests. */
final class Announces {
    private Announces() {}

    static AnnounceRequest ipv4(long torrent, int address, int port, long left, int event) {
        AnnounceRequest r = new AnnounceRequest();
        r.infoHashHigh = torrent * 0x9E3779B97F4A7C15L;
        r.infoHashMiddle = torrent;
        r.infoHashLow = (int) torrent;
        r.port = port;
        r.left = left;
        r.event = event;
        r.setPeerIpv4(address);
        return r;
    }

    static AnnounceRequest ipv6(long torrent, long addressLow, int port, long left, int event) {
        AnnounceRequest r = ipv4(torrent, 0, port, left, event);
        r.setPeerIpv6(0x20010db800000000L, addressLow);
        return r;
    }

    static AnnounceRequest leecher(long torrent, int address, int port) {
        return ipv4(torrent, address, port, 1000, AnnounceEvent.STARTED);
    }

    static AnnounceRequest seeder(long torrent, int address, int port) {
        return ipv4(torrent, address, port, 0, AnnounceEvent.STARTED);
    }
}
