package io.swarmkeeper.bench.memory;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.core.AnnounceReply;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.PeerSink;
import io.swarmkeeper.core.ScrapeReply;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAction;
import io.swarmkeeper.protocol.udp.UdpAnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpRequestHeader;
import io.swarmkeeper.protocol.udp.UdpScrapeRequest;
import io.swarmkeeper.protocol.udp.UdpScrapeResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * A tracker small enough for a test: core's store behind protocol's codec on one blocking socket,
 * keying peers by source address and announced port as the real one does. It checks no
 * connection id and may be told to answer with one peer too many, to see the filler object.
 */
final class StoreTracker implements AutoCloseable {
    final InMemorySwarmStore store = new InMemorySwarmStore(3600);
    private final DatagramChannel channel;
    private final Thread thread;
    volatile boolean oneTooMany;

    StoreTracker() throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "store-tracker");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void serve() {
        ByteBuf in = Unpooled.directBuffer(2_048);
        ByteBuf out = Unpooled.directBuffer(2_048);
        AnnounceRequest request = new AnnounceRequest();
        AnnounceReply reply = new AnnounceReply();
        ScrapeReply scrape = new ScrapeReply();
        PeerSink sink = new PeerSink() {
            @Override
            public void ipv4(int address, int port) {
                UdpAnnounceResponse.writePeerIpv4(out, address, port);
            }

            @Override
            public void ipv6(long addressHigh, long addressLow, int port) {}
        };
        try {
            while (true) {
                ByteBuffer nio = in.nioBuffer(0, in.capacity());
                InetSocketAddress sender = (InetSocketAddress) channel.receive(nio);
                in.setIndex(0, nio.position());
                int tx = UdpRequestHeader.transactionId(in);
                out.clear();
                switch (UdpRequestHeader.action(in)) {
                    case UdpAction.CONNECT -> UdpConnectResponse.write(out, tx, 42);
                    case UdpAction.ANNOUNCE -> {
                        UdpAnnounceRequest.decode(in, request);
                        byte[] ip = sender.getAddress().getAddress();
                        request.setPeerIpv4(
                                (ip[0] & 0xFF) << 24 | (ip[1] & 0xFF) << 16 | (ip[2] & 0xFF) << 8 | ip[3] & 0xFF);
                        UdpAnnounceResponse.writeHeader(out, tx, 1800, 0, 0);
                        int numwant = request.numwant < 0 ? 50 : request.numwant;
                        store.announce(request, numwant, 0, System.currentTimeMillis() / 1000, sink, reply);
                        if (oneTooMany) {
                            for (int p = reply.peersIpv4; p <= numwant; p++) {
                                UdpAnnounceResponse.writePeerIpv4(out, FillPlan.FIRST_SOURCE, 1);
                            }
                        }
                        out.setInt(UdpAnnounceResponse.LEECHERS_OFFSET, reply.incomplete);
                        out.setInt(UdpAnnounceResponse.SEEDERS_OFFSET, reply.complete);
                    }
                    case UdpAction.SCRAPE -> {
                        UdpScrapeResponse.writeHeader(out, tx);
                        for (int h = 0; h < UdpScrapeRequest.infoHashCount(in); h++) {
                            store.scrape(UdpScrapeRequest.infoHashHigh(in, h), UdpScrapeRequest.infoHashMiddle(in, h),
                                    UdpScrapeRequest.infoHashLow(in, h), scrape);
                            UdpScrapeResponse.writeEntry(out, scrape.complete, scrape.downloaded, scrape.incomplete);
                        }
                    }
                    default -> {
                        continue;
                    }
                }
                channel.send(out.nioBuffer(), sender);
            }
        } catch (ClosedChannelException e) {
            // close() was called
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            in.release();
            out.release();
        }
    }

    @Override
    public void close() throws Exception {
        channel.close();
        thread.join(5_000);
    }
}
