package io.swarmkeeper.server.udp;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.DatagramChannel;
import java.util.function.Supplier;

/** Gives every socket its own handler, since a handler's reused request state belongs to one event loop. */
final class UdpChannelInitializer extends ChannelInitializer<DatagramChannel> {
    private final Supplier<UdpAnswers> answers;

    UdpChannelInitializer(Supplier<UdpAnswers> answers) {
        this.answers = answers;
    }

    @Override
    protected void initChannel(DatagramChannel channel) {
        channel.pipeline().addLast(new UdpRequestHandler(answers.get()));
    }
}
