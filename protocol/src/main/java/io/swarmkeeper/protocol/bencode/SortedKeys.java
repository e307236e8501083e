package io.swarmkeeper.protocol.bencode;

import java.util.Arrays;

/** Checks that keys written in a fixed order are in the raw-byte order bencode requires. */
public final class SortedKeys {
    private SortedKeys() {}

    /**
     * @param keys keys as made by {@link BencodeEncoder#key}, in the order a writer emits them
     * @throws IllegalStateException if they are out of order or repeated
     */
    public static void require(byte[]... keys) {
        for (int i = 1; i < keys.length; i++) {
            if (Arrays.compareUnsigned(payload(keys[i - 1]), payload(keys[i])) >= 0) {
                throw new IllegalStateException("bencode keys out of order at index " + i);
            }
        }
    }

    private static byte[] payload(byte[] encodedKey) {
        int colon = 0;
        while (encodedKey[colon] != ':') {
            colon++;
        }
        return Arrays.copyOfRange(encodedKey, colon + 1, encodedKey.length);
    }
}
