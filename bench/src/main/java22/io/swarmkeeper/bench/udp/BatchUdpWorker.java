package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.bench.load.ReplyError;
import io.swarmkeeper.linuxnet.BatchSocket;
import io.swarmkeeper.linuxnet.DatagramBatch;
import io.swarmkeeper.linuxnet.Ipv4UdpFrame;
import io.swarmkeeper.linuxnet.PacketTxRing;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;

/**
 * One thread of UDP load on batched Linux sockets: each pass, per socket, one recvmmsg takes the
 * replies queued and one sendmmsg sends a request for every free slot of the window, so a system
 * call's cost is shared by a batch rather than paid per datagram. One native batch serves the
 * worker's sockets in turn; nothing is allocated per request.
 *
 * <p>With packets, requests leave instead as frames from one AF_PACKET ring on {@code lo}, each
 * with the source port of its socket, which still receives the replies: on loopback the sender's
 * CPU pays for the receive path of what it sends as well, and this spares it the send path.
 */
final class BatchUdpWorker extends UdpWorkerLoop {
    /** Each slot holds a reply of up to 64 KiB, so the native memory is bounded by bounding the slots. */
    private static final int MAX_SLOTS = 256;

    private final BatchSocket[] sockets;
    private final boolean packets;
    /** Packets: each socket's own address and port, its requests' source. */
    private final InetSocketAddress[] locals;
    private final int slots;
    /** The lane slot of the request in each batch slot of the send being prepared. */
    private final int[] laneSlots;
    private DatagramBatch batch;
    private ByteBuf[] replies;
    private ByteBuf[] requests;
    private PacketTxRing ring;
    /** Packets: each ring frame's payload, wrapped once. */
    private ByteBuf[] framePayloads;
    private int targetAddress;
    private int[] localAddresses;

    BatchUdpWorker(UdpWorkerPlan plan, boolean packets) {
        super(plan);
        this.packets = packets;
        sockets = new BatchSocket[plan.sockets()];
        locals = new InetSocketAddress[plan.sockets()];
        slots = Math.min(plan.windowPerSocket(), MAX_SLOTS);
        laneSlots = new int[slots];
    }

    @Override
    void open() throws IOException {
        batch = new DatagramBatch(slots, RECEIVE_BYTES, SEND_BYTES, false);
        replies = NativeBuffers.received(batch);
        requests = NativeBuffers.toSend(batch);
        boolean ipv6 = target.getAddress() instanceof Inet6Address;
        for (int i = 0; i < sockets.length; i++) {
            sockets[i] = BatchSocket.open(ipv6);
            sockets[i].receiveBufferSize(SOCKET_BUFFER_BYTES);
            // Only idle() waits in a receive; the passes' receives never block.
            sockets[i].receiveTimeout(IDLE_WAIT);
            locals[i] = sockets[i].connect(target);
        }
        if (packets) {
            openRing();
        }
    }

    private void openRing() throws IOException {
        if (!UdpIo.PACKET.reaches(target)) {
            throw new IOException("--io packet sends on loopback only: the target must be an IPv4 loopback "
                    + "address, not " + target.getAddress().getHostAddress());
        }
        targetAddress = ipv4(target.getAddress());
        localAddresses = new int[locals.length];
        for (int i = 0; i < locals.length; i++) {
            localAddresses[i] = ipv4(locals[i].getAddress());
        }
        ring = PacketTxRing.open("lo");
        framePayloads = new ByteBuf[ring.frames()];
        for (int i = 0; i < framePayloads.length; i++) {
            framePayloads[i] = Unpooled.wrappedBuffer(ring.frame(i)
                    .asSlice(Ipv4UdpFrame.PAYLOAD, PacketTxRing.MAX_FRAME - Ipv4UdpFrame.PAYLOAD).asByteBuffer());
        }
    }

    @Override
    boolean receive(int socket) throws IOException {
        return handle(socket, receiveFrom(socket, false));
    }

    /** Receives, counting a target that does not listen as the NIO worker does. */
    private int receiveFrom(int socket, boolean wait) throws IOException {
        try {
            return sockets[socket].receive(batch, wait);
        } catch (PortUnreachableException e) {
            stats.error(ReplyError.UNREACHABLE);
            return 0;
        }
    }

    private boolean handle(int socket, int received) {
        if (received == 0) {
            return false;
        }
        // One clock read for the batch: every reply in it was queued before the call returned.
        long now = System.nanoTime();
        for (int i = 0; i < received; i++) {
            reply(lanes[socket], replies[i].setIndex(0, batch.receivedLength(i)), now);
        }
        return true;
    }

    @Override
    void fill(int socket) throws IOException {
        if (packets) {
            fillFrames(socket);
            return;
        }
        UdpLane lane = lanes[socket];
        while (lane.hasFreeSlot()) {
            int count = prepare(lane);
            int sent;
            try {
                sent = sockets[socket].send(batch, 0, count);
            } catch (PortUnreachableException e) {
                stats.error(ReplyError.UNREACHABLE);
                sent = 0;
            }
            for (int i = sent; i < count; i++) {
                // Not taken by the kernel: the slots go back, to be tried again next pass.
                lane.end(laneSlots[i]);
            }
            stats.requests += sent;
            if (sent < slots) {
                return;
            }
        }
    }

    private static int ipv4(InetAddress address) {
        return ByteBuffer.wrap(address.getAddress()).getInt();
    }

    /** As {@link #fill}, through the ring: a frame per request, one send for them all. */
    private void fillFrames(int socket) throws IOException {
        UdpLane lane = lanes[socket];
        long now = System.nanoTime();
        int queued = 0;
        while (lane.hasFreeSlot()) {
            int frame = ring.next();
            if (frame < 0) {
                break;
            }
            ByteBuf payload = framePayloads[frame];
            if (next(lane, payload, now) == UdpRequests.NOTHING_TO_SEND) {
                break;
            }
            int length = payload.writerIndex();
            Ipv4UdpFrame.writeDatagram(ring.frame(frame), 0, localAddresses[socket], locals[socket].getPort(),
                    targetAddress, target.getPort(), length);
            ring.queue(Ipv4UdpFrame.PAYLOAD + length);
            queued++;
        }
        if (queued > 0) {
            ring.send();
            stats.requests += queued;
        }
    }

    /** Writes requests for {@code lane} into the batch's send slots, as many as may go now; how many. */
    private int prepare(UdpLane lane) {
        long now = System.nanoTime();
        int count = 0;
        while (count < slots && lane.hasFreeSlot()) {
            int slot = next(lane, requests[count], now);
            if (slot == UdpRequests.NOTHING_TO_SEND) {
                break;
            }
            batch.sendLength(count, requests[count].writerIndex());
            laneSlots[count++] = slot;
        }
        return count;
    }

    /** Waits in the receive of the socket with the most requests in flight: the likeliest to be answered next. */
    @Override
    void idle() throws IOException {
        int busiest = 0;
        for (int i = 1; i < lanes.length; i++) {
            if (lanes[i].inFlight() > lanes[busiest].inFlight()) {
                busiest = i;
            }
        }
        handle(busiest, receiveFrom(busiest, true));
    }

    @Override
    void close() {
        for (BatchSocket socket : sockets) {
            if (socket != null) {
                socket.close();
            }
        }
        if (batch != null) {
            batch.close();
        }
        if (ring != null) {
            ring.close();
        }
    }
}
