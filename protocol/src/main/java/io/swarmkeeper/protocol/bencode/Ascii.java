package io.swarmkeeper.protocol.bencode;

import io.netty.buffer.ByteBuf;

/** Decimal numbers written as ASCII digits without building a String. */
public final class Ascii {
    private Ascii() {}

    /** Digits in the decimal form of {@code value} (plus one for a minus sign). */
    public static int digits(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int n = value < 0 ? 2 : 1;
        long v = Math.abs(value);
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    /** Puts the digits of {@code value} (not negative) into {@code to} at {@code at}; the offset after them. */
    public static int put(byte[] to, int at, int value) {
        int end = at + digits(value);
        for (int i = end - 1; i >= at; i--) {
            to[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }

    public static void writeLong(ByteBuf out, long value) {
        if (value == Long.MIN_VALUE) {
            // Its magnitude has no positive long; write it in two halves.
            out.writeByte('-');
            writeLong(out, -(value / 10));
            out.writeByte('0' + (int) -(value % 10));
            return;
        }
        if (value < 0) {
            out.writeByte('-');
            value = -value;
        }
        int n = digits(value);
        int at = out.writerIndex();
        out.ensureWritable(n);
        for (int i = n - 1; i >= 0; i--) {
            out.setByte(at + i, '0' + (int) (value % 10));
            value /= 10;
        }
        out.writerIndex(at + n);
    }
}
