package io.swarmkeeper.server.http;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.InfoHash;
import io.swarmkeeper.protocol.http.QueryEncoder;
import java.util.Arrays;

/** Builds announce queries as a client would send them, one peer of one torrent at a time. */
final class Peer {
    private final AnnounceRequest request = new AnnounceRequest();

    private Peer(int torrent, int peer, int port) {
        byte[] hash = torrent(torrent);
        request.infoHashHigh = InfoHash.high(hash, 0);
        request.infoHashMiddle = InfoHash.middle(hash, 0);
        request.infoHashLow = InfoHash.low(hash, 0);
        Arrays.fill(request.peerId, (byte) ('a' + peer % 26));
        request.port = port;
        request.left = 1000;
    }

    /** A peer of test torrent number {@code torrent}, listening on {@code port}. */
    static Peer of(int torrent, int peer, int port) {
        return new Peer(torrent, peer, port);
    }

    /** The 20-byte info-hash of test torrent number {@code n}: readable bytes plus some that need escaping. */
    static byte[] torrent(int n) {
        byte[] hash = new byte[20];
        Arrays.fill(hash, (byte) n);
        hash[0] = (byte) 0xFF;
        hash[1] = '&';
        hash[2] = '%';
        hash[3] = '+';
        return hash;
    }

    Peer seeder() {
        request.left = 0;
        return this;
    }

    Peer event(int event) {
        request.event = event;
        return this;
    }

    Peer started() {
        return event(AnnounceEvent.STARTED);
    }

    Peer dictionary() {
        request.compact = false;
        return this;
    }

    Peer claimingIpv4(int address) {
        request.claimedIpv4Present = true;
        request.claimedIpv4 = address;
        return this;
    }

    String query() {
        return QueryEncoder.announce(request);
    }
}
