package io.swarmkeeper.server.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** An embedded channel that says it is connected from 127.0.0.1, as an accepted socket would. */
final class FromLocalhost extends EmbeddedChannel {
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 50000);

    FromLocalhost(ChannelHandler... handlers) {
        super(handlers);
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return REMOTE;
    }
}
