package io.swarmkeeper.server.udp;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.DatagramChannel;
import io.swarmkeeper.core.ConnectionIds;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.Tracker;

/** Gives every socket its own handler, since a handler's reused request state belongs to one event loop. */
final class UdpChannelInitializer extends ChannelInitializer<DatagramChannel> {
    private final Tracker tracker;
    private final ConnectionIds connectionIds;
    private final RequestCounters counters;
    private final boolean allowClientIp;

    UdpChannelInitializer(Tracker tracker, ConnectionIds connectionIds, RequestCounters counters,
                          boolean allowClientIp) {
        this.tracker = tracker;
        this.connectionIds = connectionIds;
        this.counters = counters;
        this.allowClientIp = allowClientIp;
    }

    @Override
    protected void initChannel(DatagramChannel channel) {
        channel.pipeline().addLast(new UdpRequestHandler(new UdpAnswers(tracker, connectionIds, counters, allowClientIp)));
    }
}
