package io.swarmkeeper.linuxnet;

/**
 * An AF_XDP socket's own counts of what it lost (struct xdp_statistics), since it was opened.
 *
 * @param receiveDropped frames the kernel dropped for this socket (too long for a frame, say)
 * @param receiveInvalid received descriptors the kernel found invalid
 * @param transmitInvalid descriptors this side queued that the kernel refused
 * @param receiveRingFull frames dropped because the receive ring was full: the thread fell behind
 * @param fillRingEmpty frames dropped because no frame was free to receive into
 * @param transmitRingEmpty times the kernel looked for something to send and found nothing
 */
public record XdpStatistics(long receiveDropped, long receiveInvalid, long transmitInvalid, long receiveRingFull,
                            long fillRingEmpty, long transmitRingEmpty) {}
