package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.Buffers;
import io.swarmkeeper.protocol.udp.UdpAction;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpDecodeError;
import io.swarmkeeper.protocol.udp.UdpErrorResponse;
import io.swarmkeeper.protocol.udp.UdpRequestHeader;
import io.swarmkeeper.protocol.udp.UdpScrapeRequest;
import io.swarmkeeper.protocol.udp.UdpScrapeResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.DatagramChannel;

/**
 * The cheapest tracker that still answers correctly: connect, announce and scrape get fixed
 * minimal replies (a constant connection id, {@link #PEERS} made-up peers, zeroed scrape entries)
 * and nothing is stored. Whatever rate the load generator reaches against it is the generator's
 * own ceiling on this machine: a tracker measured near that rate is measured too low.
 */
public final class StatelessResponder implements AutoCloseable {
    /** Peers in each announce reply: enough that the generator's peer-counting path does real work. */
    static final int PEERS = 5;
    private static final long CONNECTION_ID = 0x534B_4341_4C49_4252L;
    private static final int INTERVAL_SECONDS = 1800;
    private static final int BUFFER_BYTES = 2_048;
    /** A whole window of requests must fit the socket's queue, or calibration measures drops, not speed. */
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final DatagramChannel channel;
    private final Thread thread;
    private final boolean ipv6;

    private StatelessResponder(DatagramChannel channel, boolean ipv6) {
        this.channel = channel;
        this.ipv6 = ipv6;
        this.thread = new Thread(this::serve, "calibrate-responder");
        thread.setDaemon(true);
    }

    /** Starts answering on {@code address} (port 0 for any free port) on a thread of its own. */
    public static StatelessResponder start(InetSocketAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
        channel.bind(address);
        StatelessResponder responder = new StatelessResponder(channel, address.getAddress() instanceof Inet6Address);
        responder.thread.start();
        return responder;
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void serve() {
        ByteBuf in = Buffers.UNTRACKED.directBuffer(BUFFER_BYTES, BUFFER_BYTES);
        ByteBuf out = Buffers.UNTRACKED.directBuffer(BUFFER_BYTES, BUFFER_BYTES);
        ByteBuffer inNio = in.nioBuffer(0, BUFFER_BYTES);
        ByteBuffer outNio = out.nioBuffer(0, BUFFER_BYTES);
        try {
            while (true) {
                inNio.clear();
                SocketAddress sender = channel.receive(inNio);
                in.setIndex(0, inNio.position());
                if (in.readableBytes() < UdpRequestHeader.LENGTH) {
                    continue;
                }
                out.clear();
                reply(in, out);
                outNio.clear().limit(out.writerIndex());
                channel.send(outNio, sender);
            }
        } catch (AsynchronousCloseException e) {
            // close() was called: the normal way to stop.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            in.release();
            out.release();
        }
    }

    private void reply(ByteBuf request, ByteBuf out) {
        int transactionId = UdpRequestHeader.transactionId(request);
        switch (UdpRequestHeader.action(request)) {
            case UdpAction.CONNECT -> UdpConnectResponse.write(out, transactionId, CONNECTION_ID);
            case UdpAction.ANNOUNCE -> {
                UdpAnnounceResponse.writeHeader(out, transactionId, INTERVAL_SECONDS, PEERS, 0);
                for (int i = 1; i <= PEERS; i++) {
                    if (ipv6) {
                        UdpAnnounceResponse.writePeerIpv6(out, 0, i, 6881);
                    } else {
                        UdpAnnounceResponse.writePeerIpv4(out, 0x7F00_0000 | i, 6881);
                    }
                }
            }
            case UdpAction.SCRAPE -> {
                UdpScrapeResponse.writeHeader(out, transactionId);
                for (int i = UdpScrapeRequest.infoHashCount(request); i > 0; i--) {
                    UdpScrapeResponse.writeEntry(out, 0, 0, 0);
                }
            }
            default -> UdpErrorResponse.write(out, transactionId, UdpDecodeError.UNKNOWN_ACTION);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
