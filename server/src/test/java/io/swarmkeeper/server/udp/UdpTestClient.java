package io.swarmkeeper.server.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpConnectRequest;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpScrapeRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tracker client over a plain JDK socket that speaks through the codec's client side, as the
 * monitor and the load generator will. Every wait is bounded: {@link #receive} gives up after
 * {@link #SILENCE_MILLIS}, and a test that expects silence simply sees null.
 */
final class UdpTestClient implements AutoCloseable {
    static final int SILENCE_MILLIS = 300;
    /** Replies that should come do come within this on loopback, even on a busy machine. */
    private static final int REPLY_MILLIS = 5_000;
    private static final AtomicInteger TRANSACTIONS = new AtomicInteger(1000);

    private final DatagramSocket socket;
    private final InetSocketAddress tracker;

    UdpTestClient(InetSocketAddress tracker) {
        this.tracker = tracker;
        try {
            socket = new DatagramSocket(new InetSocketAddress(tracker.getAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int nextTransactionId() {
        return TRANSACTIONS.incrementAndGet();
    }

    /** Connects and returns the connection id the tracker issued. */
    long connect() {
        int transactionId = nextTransactionId();
        ByteBuf request = Unpooled.buffer();
        UdpConnectRequest.write(request, transactionId);
        ByteBuf reply = exchange(request);
        if (UdpConnectResponse.check(reply) != null || UdpConnectResponse.transactionId(reply) != transactionId) {
            throw new AssertionError("not a connect reply to " + transactionId);
        }
        return UdpConnectResponse.connectionId(reply);
    }

    static AnnounceRequest announceOf(long infoHash, int port, long left) {
        AnnounceRequest request = new AnnounceRequest();
        request.infoHashHigh = infoHash;
        request.infoHashMiddle = infoHash;
        request.infoHashLow = (int) infoHash;
        request.peerId[0] = (byte) port;
        request.port = port;
        request.left = left;
        request.event = AnnounceEvent.STARTED;
        return request;
    }

    static ByteBuf encodeAnnounce(long connectionId, int transactionId, AnnounceRequest request) {
        ByteBuf packet = Unpooled.buffer();
        UdpAnnounceRequest.write(packet, connectionId, transactionId, request);
        return packet;
    }

    static ByteBuf encodeScrape(long connectionId, int transactionId, long... infoHashes) {
        ByteBuf packet = Unpooled.buffer();
        UdpScrapeRequest.writeHeader(packet, connectionId, transactionId);
        for (long h : infoHashes) {
            UdpScrapeRequest.writeInfoHash(packet, h, h, (int) h);
        }
        return packet;
    }

    /** Sends and waits for the answer, failing the test if none comes. */
    ByteBuf exchange(ByteBuf request) {
        send(request);
        ByteBuf reply = receive(REPLY_MILLIS);
        if (reply == null) {
            throw new AssertionError("no reply within " + REPLY_MILLIS + " ms");
        }
        return reply;
    }

    void send(ByteBuf packet) {
        byte[] bytes = new byte[packet.readableBytes()];
        packet.getBytes(packet.readerIndex(), bytes);
        send(bytes);
    }

    void send(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, tracker));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram, or null if none arrives within the time given. */
    ByteBuf receive(int timeoutMillis) {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout(timeoutMillis);
            socket.receive(packet);
            return Unpooled.wrappedBuffer(buffer, 0, packet.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ByteBuf receiveOrSilence() {
        return receive(SILENCE_MILLIS);
    }

    int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        socket.close();
    }
}
