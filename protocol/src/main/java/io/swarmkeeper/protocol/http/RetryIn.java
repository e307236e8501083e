package io.swarmkeeper.protocol.http;

/** Special values of a failure's BEP 31 {@code retry in}; any positive value is minutes. */
public final class RetryIn {
    /** Send no {@code retry in}: the client's usual retry is fine. */
    public static final int NONE = 0;
    /** {@code retry in: never}: the request cannot succeed here, stop asking. */
    public static final int NEVER = -1;

    private RetryIn() {}
}
