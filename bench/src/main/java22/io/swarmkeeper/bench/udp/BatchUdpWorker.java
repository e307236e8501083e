package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.ReplyError;
import io.swarmkeeper.linuxnet.BatchSocket;
import io.swarmkeeper.linuxnet.DatagramBatch;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.PortUnreachableException;

/**
 * One thread of UDP load on batched Linux sockets: each pass, per socket, one recvmmsg takes the
 * replies queued and one sendmmsg sends a request for every free slot of the window, so a system
 * call's cost is shared by a batch rather than paid per datagram. One native batch serves the
 * worker's sockets in turn; nothing is allocated per request.
 */
final class BatchUdpWorker extends UdpWorkerLoop {
    /** Each slot holds a reply of up to 64 KiB, so the native memory is bounded by bounding the slots. */
    private static final int MAX_SLOTS = 256;

    private final BatchSocket[] sockets;
    private final int slots;
    /** The lane slot of the request in each batch slot of the send being prepared. */
    private final int[] laneSlots;
    private DatagramBatch batch;
    private ByteBuf[] replies;
    private ByteBuf[] requests;

    BatchUdpWorker(UdpWorkerPlan plan) {
        super(plan);
        sockets = new BatchSocket[plan.sockets()];
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
            sockets[i].connect(target);
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
    }
}
