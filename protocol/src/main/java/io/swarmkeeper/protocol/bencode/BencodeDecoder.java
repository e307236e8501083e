package io.swarmkeeper.protocol.bencode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes one bencoded value into plain Java values, for clients, tests and monitors (not the
 * server's hot path): integers as {@link Long}, byte strings as {@code byte[]}, lists as
 * {@link List}, dictionaries as a {@link TreeMap} of {@code String} keys.
 *
 * <p>Dictionary keys are decoded as ISO-8859-1, one char per byte, because some keys are not text
 * (a scrape's {@code files} is keyed by raw 20-byte info-hashes): {@code key.getBytes(ISO_8859_1)}
 * gives the raw bytes back, and the map's order is then the raw-byte order bencode uses.
 *
 * <p>Strict: no leading zeros or {@code -0}, nothing after the value, lengths within the input,
 * nesting at most {@link #MAX_DEPTH}, no repeated key. Unsorted keys are accepted because real
 * trackers send them and a monitor must still read their replies.
 */
public final class BencodeDecoder {
    public static final int MAX_DEPTH = 64;

    private final byte[] in;
    private final int end;
    private int pos;

    private BencodeDecoder(byte[] in, int offset, int length) {
        this.in = in;
        this.pos = offset;
        this.end = offset + length;
    }

    public static Object decode(byte[] input) throws DecodeException {
        return decode(input, 0, input.length);
    }

    public static Object decode(byte[] input, int offset, int length) throws DecodeException {
        BencodeDecoder d = new BencodeDecoder(input, offset, length);
        Object value = d.value(0);
        if (d.pos != d.end) {
            throw new DecodeException("trailing data", d.pos);
        }
        return value;
    }

    /** Decodes and requires a dictionary, the shape of every tracker reply. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> decodeDict(byte[] input) throws DecodeException {
        Object value = decode(input);
        if (!(value instanceof Map)) {
            throw new DecodeException("not a dictionary", 0);
        }
        return (Map<String, Object>) value;
    }

    private Object value(int depth) throws DecodeException {
        if (pos >= end) {
            throw new DecodeException("unexpected end", pos);
        }
        byte b = in[pos];
        if (b == 'i') {
            pos++;
            long v = number('e');
            return v;
        }
        if (b >= '0' && b <= '9') {
            return string();
        }
        if (depth >= MAX_DEPTH) {
            throw new DecodeException("nesting deeper than " + MAX_DEPTH, pos);
        }
        if (b == 'l') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (peek() != 'e') {
                list.add(value(depth + 1));
            }
            pos++;
            return list;
        }
        if (b == 'd') {
            pos++;
            Map<String, Object> map = new TreeMap<>();
            while (peek() != 'e') {
                int keyAt = pos;
                if (in[pos] < '0' || in[pos] > '9') {
                    throw new DecodeException("dictionary key is not a byte string", pos);
                }
                String key = new String(string(), StandardCharsets.ISO_8859_1);
                if (map.put(key, value(depth + 1)) != null) {
                    throw new DecodeException("repeated key", keyAt);
                }
            }
            pos++;
            return map;
        }
        throw new DecodeException("unexpected byte " + (b & 0xFF), pos);
    }

    private byte peek() throws DecodeException {
        if (pos >= end) {
            throw new DecodeException("unterminated list or dictionary", pos);
        }
        return in[pos];
    }

    private byte[] string() throws DecodeException {
        int at = pos;
        long length = number(':');
        if (length < 0) {
            throw new DecodeException("negative length", at);
        }
        if (length > end - pos) {
            throw new DecodeException("length beyond the input", at);
        }
        byte[] s = new byte[(int) length];
        System.arraycopy(in, pos, s, 0, s.length);
        pos += s.length;
        return s;
    }

    /** Reads a decimal long up to {@code terminator}, rejecting leading zeros, -0 and overflow. */
    private long number(char terminator) throws DecodeException {
        int start = pos;
        boolean negative = pos < end && in[pos] == '-';
        if (negative) {
            pos++;
        }
        int firstDigit = pos;
        long v = 0;
        while (pos < end && in[pos] != terminator) {
            int d = in[pos] - '0';
            if (d < 0 || d > 9) {
                throw new DecodeException("not a digit", pos);
            }
            // Accumulate negatively so Long.MIN_VALUE fits.
            if (v < (Long.MIN_VALUE + d) / 10) {
                throw new DecodeException("number out of range", start);
            }
            v = v * 10 - d;
            pos++;
        }
        if (pos >= end) {
            throw new DecodeException("unterminated number", start);
        }
        int digits = pos - firstDigit;
        if (digits == 0) {
            throw new DecodeException("empty number", start);
        }
        if (digits > 1 && in[firstDigit] == '0') {
            throw new DecodeException("leading zero", start);
        }
        if (negative && v == 0) {
            throw new DecodeException("negative zero", start);
        }
        pos++;
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                throw new DecodeException("number out of range", start);
            }
            return -v;
        }
        return v;
    }
}
