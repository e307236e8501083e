package io.swarmkeeper.bench.http;

import io.swarmkeeper.bench.load.LoadStats;
import io.swarmkeeper.bench.load.LoadWorker;
import io.swarmkeeper.bench.load.Pacer;
import io.swarmkeeper.bench.load.PeerPopulation;
import io.swarmkeeper.bench.load.ReplyError;
import io.swarmkeeper.bench.load.RunWindow;
import io.swarmkeeper.bench.load.ThreadCost;
import io.swarmkeeper.protocol.AnnounceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.SplittableRandom;

/**
 * One thread of HTTP load: keep-alive connections, each with one request in flight, driven by
 * one selector. A reply is validated and answered with the next request on the same connection;
 * a server that closes after each answer (opentracker does) gets a new connection at once.
 * Failed connections wait for the next housekeeping pass, so a dead target is not hammered.
 */
public final class HttpWorker implements LoadWorker {
    /** A reply slower than this is counted lost and its connection replaced. */
    static final long TIMEOUT_NANOS = 5_000_000_000L;
    private static final long HOUSEKEEPING_NANOS = 10_000_000L;
    private static final long SELECT_MILLIS = 1;

    private final InetSocketAddress target;
    private final HttpConnection[] connections;
    private final HttpRequestWriter writer;
    private final PeerPopulation peers;
    private final int numwant;
    private final int scrapePercent;
    private final RunWindow window;
    private final SplittableRandom random;
    private final Pacer pacer;
    private final LoadStats stats = new LoadStats();
    private final AnnounceRequest announce = new AnnounceRequest();
    private final HttpResponseParser parser = new HttpResponseParser();
    private final HttpReplyCheck check = new HttpReplyCheck();
    private final byte[] body = new byte[HttpConnection.RECEIVE_BYTES];
    private Selector selector;

    public HttpWorker(InetSocketAddress target, int connections, HttpRequestWriter writer, PeerPopulation peers,
                      int numwant, int scrapePercent, double rate, RunWindow window, long seed) {
        this.target = target;
        this.connections = new HttpConnection[connections];
        this.writer = writer;
        this.peers = peers;
        this.numwant = numwant;
        this.scrapePercent = scrapePercent;
        this.window = window;
        this.random = new SplittableRandom(seed);
        this.pacer = new Pacer(rate, window.startNanos());
    }

    @Override
    public LoadStats stats() {
        return stats;
    }

    @Override
    public void run() {
        try {
            selector = Selector.open();
            for (int i = 0; i < connections.length; i++) {
                connections[i] = new HttpConnection();
            }
            loop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (HttpConnection c : connections) {
                if (c != null) {
                    c.release();
                }
            }
            try {
                if (selector != null) {
                    selector.close();
                }
            } catch (IOException e) {
                // the run is over; nothing depends on the selector closing cleanly
            }
        }
    }

    private void loop() throws IOException {
        ThreadCost cost = new ThreadCost();
        boolean counting = false;
        long nextHousekeeping = 0;
        while (true) {
            long now = System.nanoTime();
            if (now - window.endNanos() >= 0) {
                break;
            }
            if (now - nextHousekeeping >= 0) {
                if (!counting && now - window.countFromNanos() >= 0) {
                    stats.reset();
                    cost.start();
                    counting = true;
                }
                housekeeping(now);
                stats.publish();
                nextHousekeeping = now + HOUSEKEEPING_NANOS;
            }
            if (pacer.limited()) {
                // A paced request is due within microseconds: poll rather than sleep in select.
                selector.selectNow(this::ready);
                sendWaiting(System.nanoTime());
            } else {
                selector.select(this::ready, SELECT_MILLIS);
            }
        }
        if (counting) {
            cost.stopInto(stats);
        }
        stats.publish();
    }

    /** Opens connections that are closed, and replaces those whose request has waited too long. */
    private void housekeeping(long now) {
        for (HttpConnection c : connections) {
            if (c.channel != null && c.inFlight && now - c.sentAtNanos > TIMEOUT_NANOS) {
                stats.lost++;
                c.close();
            }
            if (c.channel == null) {
                open(c);
            }
        }
    }

    private void open(HttpConnection c) {
        try {
            c.open(target, selector);
            if (c.key.interestOps() == 0) {
                stats.connectionsOpened++;
                send(c);
            }
        } catch (IOException e) {
            stats.error(ReplyError.UNREACHABLE);
            c.close();
        }
    }

    private void ready(SelectionKey key) {
        HttpConnection c = (HttpConnection) key.attachment();
        if (!key.isValid() || key != c.key) {
            return; // the connection was closed (and perhaps reopened) earlier in this batch
        }
        try {
            if (key.isConnectable()) {
                c.channel.finishConnect();
                stats.connectionsOpened++;
                send(c);
            } else if (key.isWritable()) {
                c.flush();
            } else if (key.isReadable()) {
                receive(c);
            }
        } catch (IOException e) {
            if (c.inFlight && !c.in.isReadable()) {
                // Reset before the reply began: the server had closed the connection after its
                // last answer and our next request found it gone. Ask again on a new one.
                c.close();
                open(c);
                return;
            }
            stats.error(c.inFlight ? ReplyError.CONNECTION_LOST : ReplyError.UNREACHABLE);
            c.close(); // reopened by housekeeping
        }
    }

    private void receive(HttpConnection c) throws IOException {
        if (!c.fill()) {
            fail(c, ReplyError.BAD_HTTP);
            return;
        }
        if (c.ended && !c.in.isReadable()) {
            // The server closed the connection before this request's reply began, as one that
            // closes after every answer does without saying so: not a wrong reply; ask again anew.
            c.close();
            open(c);
            return;
        }
        int state = parser.parse(c.in, c.ended);
        if (state == HttpResponseParser.INCOMPLETE) {
            if (c.ended) {
                fail(c, ReplyError.CONNECTION_LOST);
            }
            return;
        }
        if (state == HttpResponseParser.MALFORMED || !c.inFlight
                || c.in.writerIndex() != parser.bodyFrom + parser.bodyLength) {
            fail(c, ReplyError.BAD_HTTP);
            return;
        }
        long now = System.nanoTime();
        c.inFlight = false;
        stats.latency(now - c.sentAtNanos);
        ReplyError error = validate(c);
        if (error != null) {
            stats.error(error);
        } else if (c.kind == HttpConnection.ANNOUNCE) {
            stats.announceReplies++;
            stats.peersReturned += check.peers;
        } else {
            stats.scrapeReplies++;
        }
        if (parser.close || c.ended) {
            c.close();
            open(c);
        } else {
            send(c);
        }
    }

    private ReplyError validate(HttpConnection c) {
        if (parser.status != 200) {
            return ReplyError.BAD_STATUS;
        }
        c.in.getBytes(parser.bodyFrom, body, 0, parser.bodyLength);
        return c.kind == HttpConnection.ANNOUNCE
                ? check.announce(body, parser.bodyLength, numwant)
                : check.scrape(body, parser.bodyLength, c.asked);
    }

    private void fail(HttpConnection c, ReplyError error) {
        stats.error(error);
        c.close(); // reopened by housekeeping
    }

    /** Sends the next request now, or, under --rate, once the pacer allows it. */
    private void send(HttpConnection c) throws IOException {
        // The last reply is done with: a waiting connection must not read it again.
        c.out.clear();
        c.in.clear();
        if (!pacer.tryAcquire(System.nanoTime())) {
            c.waiting = true;
            // Watch for the server closing the idle connection, and no longer for the connect.
            c.key.interestOps(SelectionKey.OP_READ);
            return;
        }
        sendNow(c);
    }

    private void sendWaiting(long now) throws IOException {
        for (HttpConnection c : connections) {
            if (c.waiting && c.channel != null) {
                if (!pacer.tryAcquire(now)) {
                    return;
                }
                try {
                    sendNow(c);
                } catch (IOException e) {
                    stats.error(ReplyError.CONNECTION_LOST);
                    c.close(); // reopened by housekeeping
                }
            }
        }
    }

    private void sendNow(HttpConnection c) throws IOException {
        c.waiting = false;
        int peer = random.nextInt(peers.count());
        if (random.nextInt(100) < scrapePercent) {
            c.kind = HttpConnection.SCRAPE;
            c.asked = peers.scrapeCount(peer);
            writer.scrape(c.out, peers, peer);
        } else {
            c.kind = HttpConnection.ANNOUNCE;
            peers.nextAnnounce(peer, numwant, random, announce);
            writer.announce(c.out, peers.torrent(peer), announce);
        }
        c.inFlight = true;
        c.sentAtNanos = System.nanoTime();
        stats.requests++;
        c.flush();
    }
}
