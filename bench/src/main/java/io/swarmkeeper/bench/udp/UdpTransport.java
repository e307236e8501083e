package io.swarmkeeper.bench.udp;

/** How the UDP generator moves packets: the JDK's datagram channels, or Netty's native epoll with recvmmsg/sendmmsg. */
public enum UdpTransport {
    NIO, EPOLL
}
