package io.swarmkeeper.protocol.bencode;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes bencode (BEP 3) straight into a {@link ByteBuf}, allocating nothing.
 *
 * <p>A dictionary's keys must appear in sorted order of their raw bytes; callers write the keys
 * themselves, in order, usually from {@link #key} constants made once. {@link SortedKeys} checks
 * a fixed key list at class-load time so a misordered reply fails the build's tests, not a client.
 */
public final class BencodeEncoder {
    private BencodeEncoder() {}

    public static void beginDict(ByteBuf out) {
        out.writeByte('d');
    }

    public static void beginList(ByteBuf out) {
        out.writeByte('l');
    }

    public static void end(ByteBuf out) {
        out.writeByte('e');
    }

    public static void integer(ByteBuf out, long value) {
        out.writeByte('i');
        Ascii.writeLong(out, value);
        out.writeByte('e');
    }

    public static void bytes(ByteBuf out, byte[] value) {
        bytes(out, value, 0, value.length);
    }

    public static void bytes(ByteBuf out, byte[] value, int offset, int length) {
        lengthPrefix(out, length);
        out.writeBytes(value, offset, length);
    }

    /** The {@code N:} that must precede a byte string of {@code length} bytes. */
    public static void lengthPrefix(ByteBuf out, int length) {
        Ascii.writeLong(out, length);
        out.writeByte(':');
    }

    /** A key (or any ASCII string) encoded once, to be written with {@code out.writeBytes(key)}. */
    public static byte[] key(String ascii) {
        byte[] raw = ascii.getBytes(StandardCharsets.US_ASCII);
        byte[] prefix = (raw.length + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(raw, 0, all, prefix.length, raw.length);
        return all;
    }

    /**
     * Writes plain Java values, the shapes {@link BencodeDecoder} returns: {@link Long} or
     * {@link Integer}, {@code byte[]}, {@link String} (as UTF-8), {@link List}, and {@link Map}
     * with String keys (read as ISO-8859-1, one byte per char, then sorted by those bytes). For
     * clients, monitors and tests; the server's replies use the allocation-free methods above.
     */
    public static void value(ByteBuf out, Object value) {
        switch (value) {
            case Long l -> integer(out, l);
            case Integer i -> integer(out, i);
            case byte[] b -> bytes(out, b);
            case String s -> bytes(out, s.getBytes(StandardCharsets.UTF_8));
            case List<?> list -> {
                beginList(out);
                list.forEach(item -> value(out, item));
                end(out);
            }
            case Map<?, ?> map -> {
                beginDict(out);
                new TreeMap<>(map).forEach((k, v) -> {
                    bytes(out, ((String) k).getBytes(StandardCharsets.ISO_8859_1));
                    value(out, v);
                });
                end(out);
            }
            default -> throw new IllegalArgumentException("not bencodable: " + value.getClass().getName());
        }
    }
}
