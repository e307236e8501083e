package io.swarmkeeper.protocol.http;

import java.nio.charset.StandardCharsets;

/** Test helpers: text to request bytes and back. */
final class Bytes {
    private Bytes() {}

    static byte[] of(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] a, int from, int to) {
        return new String(a, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
