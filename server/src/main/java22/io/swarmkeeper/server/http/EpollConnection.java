package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;

/**
 * One HTTP connection on the epoll transport: its peer, the bytes of a request not complete yet,
 * and answers the kernel has not taken yet. Between requests, the usual state, it holds no buffer.
 */
final class EpollConnection {
    final int fd;
    final ClientAddress peer = new ClientAddress();
    boolean fromTrustedProxy;
    /** Where it sits in its loop's list of open connections. */
    int index;
    /** When bytes last arrived (ms, the loop's clock): silent for the idle timeout, it is closed. */
    long lastRead;
    /**
     * When the request still incomplete began (ms), 0 if none: a head trickling in for longer than
     * the idle timeout closes the connection, so no client holds one open a byte at a time.
     */
    long partialSince;
    /** The bytes of a request head not complete yet; null when none. */
    byte[] partial;
    int partialLength;
    /** Answers the kernel did not take; null when none. */
    ByteBuf unsent;
    /** Waiting for room to send those, and reading nothing meanwhile. */
    boolean writeWait;
    /** The last answer is queued: close once it is sent. */
    boolean closing;
    /**
     * The last answer is sent and the sending side shut down; what the client still sends is read
     * and dropped until it closes or {@link HttpExchange#LINGER_MILLIS} have passed since
     * {@link #lingerSince}.
     */
    boolean lingering;
    long lingerSince;
    boolean closed;

    EpollConnection(int fd) {
        this.fd = fd;
    }
}
