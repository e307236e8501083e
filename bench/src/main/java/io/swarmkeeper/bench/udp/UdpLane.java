package io.swarmkeeper.bench.udp;

/**
 * The requests in flight on one socket of a UDP worker, and the socket's connection id. Each
 * request takes a slot; the slot's index is in the low bits of its transaction id and a sequence
 * number in the high bits, so a reply finds its request in one array read, and a stale or forged
 * id never matches.
 */
final class UdpLane {
    static final byte FREE = 0;
    static final byte CONNECT = 1;
    static final byte ANNOUNCE = 2;
    static final byte SCRAPE = 3;

    long connectionId;
    boolean hasConnectionId;
    boolean connectInFlight;
    long connectionIdAtNanos;

    private final int slotBits;
    private final int slotMask;
    private final int[] transactionId;
    private final int[] timedOutTransactionId;
    private final long[] sentAtNanos;
    private final byte[] kind;
    private final byte[] scrapeEntries;
    private final int[] freeSlots;
    private int freeCount;
    private int sequence;

    UdpLane(int window) {
        if (window < 1 || window > 1 << 16) {
            throw new IllegalArgumentException("window per socket must be 1 to 65536, not " + window);
        }
        slotBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(window - 1));
        slotMask = (1 << slotBits) - 1;
        transactionId = new int[window];
        timedOutTransactionId = new int[window];
        sentAtNanos = new long[window];
        kind = new byte[window];
        scrapeEntries = new byte[window];
        freeSlots = new int[window];
        for (int i = 0; i < window; i++) {
            freeSlots[i] = window - 1 - i;
        }
        freeCount = window;
    }

    boolean hasFreeSlot() {
        return freeCount > 0;
    }

    int inFlight() {
        return kind.length - freeCount;
    }

    /** Takes a free slot for a request of {@code kind} and returns its transaction id. */
    int begin(byte requestKind, int entries, long nowNanos) {
        int slot = freeSlots[--freeCount];
        kind[slot] = requestKind;
        scrapeEntries[slot] = (byte) entries;
        sentAtNanos[slot] = nowNanos;
        transactionId[slot] = ++sequence << slotBits | slot;
        if (requestKind == CONNECT) {
            connectInFlight = true;
        }
        return transactionId[slot];
    }

    /** The slot waiting for {@code id}, or -1 when no request in flight has it. */
    int slotOf(int id) {
        int slot = id & slotMask;
        return slot < kind.length && kind[slot] != FREE && transactionId[slot] == id ? slot : -1;
    }

    /** Whether {@code id} belonged to a request already counted lost: a late reply, not a wrong one. */
    boolean timedOut(int id) {
        int slot = id & slotMask;
        return slot < kind.length && timedOutTransactionId[slot] == id;
    }

    byte kind(int slot) {
        return kind[slot];
    }

    int scrapeEntries(int slot) {
        return scrapeEntries[slot];
    }

    long sentAtNanos(int slot) {
        return sentAtNanos[slot];
    }

    void end(int slot) {
        if (kind[slot] == CONNECT) {
            connectInFlight = false;
        }
        kind[slot] = FREE;
        freeSlots[freeCount++] = slot;
    }

    /** Ends every request sent before {@code deadlineNanos} and returns how many there were. */
    int expire(long deadlineNanos) {
        int expired = 0;
        for (int slot = 0; slot < kind.length; slot++) {
            if (kind[slot] != FREE && sentAtNanos[slot] - deadlineNanos < 0) {
                timedOutTransactionId[slot] = transactionId[slot];
                end(slot);
                expired++;
            }
        }
        return expired;
    }
}
