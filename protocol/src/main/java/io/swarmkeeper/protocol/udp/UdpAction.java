package io.swarmkeeper.protocol.udp;

/** BEP 15 action numbers, the same in a request and in the reply that answers it. */
public final class UdpAction {
    public static final int CONNECT = 0;
    public static final int ANNOUNCE = 1;
    public static final int SCRAPE = 2;
    public static final int ERROR = 3;

    private UdpAction() {}
}
