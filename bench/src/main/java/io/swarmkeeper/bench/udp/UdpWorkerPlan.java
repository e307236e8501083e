package io.swarmkeeper.bench.udp;

import io.swarmkeeper.bench.load.PeerPopulation;
import io.swarmkeeper.bench.load.RunWindow;
import io.swarmkeeper.bench.load.TorrentSet;
import java.net.InetSocketAddress;

/** One worker thread's share of a UDP load: its sockets and their windows, its peers, its share of the rate. */
record UdpWorkerPlan(InetSocketAddress target, int sockets, int windowPerSocket, TorrentSet torrents,
                     PeerPopulation peers, int numwant, int scrapePercent, double rate, RunWindow window, long seed) {
}
