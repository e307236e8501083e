package io.swarmkeeper.bench.http;

import io.netty.buffer.ByteBuf;

/**
 * Finds where one HTTP/1.x response's head and body are in the bytes read so far, without
 * copying: status, Content-Length, and whether the server will close the connection. A body
 * without Content-Length runs to the end of the connection (HTTP/1.0 style). Chunked bodies are
 * refused: a tracker's replies are small and of known length.
 */
final class HttpResponseParser {
    static final int INCOMPLETE = 0;
    static final int COMPLETE = 1;
    static final int MALFORMED = 2;

    int status;
    int bodyFrom;
    int bodyLength;
    boolean close;

    /**
     * Parses {@code in} from its reader index; {@code ended} says the server has closed its side.
     * Returns {@link #INCOMPLETE}, {@link #COMPLETE} (then the fields hold the response) or
     * {@link #MALFORMED}.
     */
    int parse(ByteBuf in, boolean ended) {
        int from = in.readerIndex();
        int to = in.writerIndex();
        int headEnd = find(in, from, to);
        if (headEnd < 0) {
            return ended ? MALFORMED : INCOMPLETE;
        }
        // "HTTP/1.x NNN": 12 bytes at least, digit at 7, space at 8.
        if (headEnd - from < 12 || in.getByte(from) != 'H' || in.getByte(from + 4) != '/'
                || in.getByte(from + 8) != ' ') {
            return MALFORMED;
        }
        boolean http10 = in.getByte(from + 7) == '0';
        status = digits(in, from + 9, from + 12);
        if (status < 0) {
            return MALFORMED;
        }
        long contentLength = -1;
        close = http10;
        int line = next(in, from, headEnd);
        while (line < headEnd) {
            int lineEnd = next(in, line, headEnd) - 2;
            if (startsWithIgnoreCase(in, line, lineEnd, "content-length:")) {
                contentLength = digits(in, skipSpaces(in, line + 15, lineEnd), trimEnd(in, line + 15, lineEnd));
                if (contentLength < 0) {
                    return MALFORMED;
                }
            } else if (startsWithIgnoreCase(in, line, lineEnd, "connection:")) {
                int v = skipSpaces(in, line + 11, lineEnd);
                if (startsWithIgnoreCase(in, v, lineEnd, "close")) {
                    close = true;
                } else if (startsWithIgnoreCase(in, v, lineEnd, "keep-alive")) {
                    close = false;
                }
            } else if (startsWithIgnoreCase(in, line, lineEnd, "transfer-encoding:")) {
                return MALFORMED;
            }
            line = lineEnd + 2;
        }
        bodyFrom = headEnd + 4;
        if (contentLength < 0) {
            close = true;
            if (!ended) {
                return INCOMPLETE;
            }
            bodyLength = to - bodyFrom;
            return COMPLETE;
        }
        if (to - bodyFrom < contentLength) {
            return ended ? MALFORMED : INCOMPLETE;
        }
        bodyLength = (int) contentLength;
        return COMPLETE;
    }

    /** Index of the blank line's CR ("\r\n\r\n"), or -1. */
    private static int find(ByteBuf in, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n'
                    && in.getByte(i + 2) == '\r' && in.getByte(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Index after the next CRLF at or after {@code from}, or {@code headEnd + 2}. */
    private static int next(ByteBuf in, int from, int headEnd) {
        for (int i = from; i < headEnd; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n') {
                return i + 2;
            }
        }
        return headEnd + 2;
    }

    private static boolean startsWithIgnoreCase(ByteBuf in, int from, int to, String lower) {
        if (to - from < lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if ((in.getByte(from + i) | 0x20) != lower.charAt(i)) { // | 0x20 lowers ASCII letters, keeps '-' and ':'
                return false;
            }
        }
        return true;
    }

    private static int skipSpaces(ByteBuf in, int from, int to) {
        while (from < to && (in.getByte(from) == ' ' || in.getByte(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimEnd(ByteBuf in, int from, int to) {
        while (to > from && (in.getByte(to - 1) == ' ' || in.getByte(to - 1) == '\t')) {
            to--;
        }
        return to;
    }

    /** The decimal number in [from, to), or -1 if it is empty, not all digits, or over 9 digits. */
    private static int digits(ByteBuf in, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = in.getByte(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
