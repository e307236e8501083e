package io.swarmkeeper.protocol.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.protocol.bencode.Ascii;

/**
 * Writes an HTTP/1.1 response head. A body's length is known only once it is written, so
 * {@link #writeBefore} puts the head into room left in front of the body and moves the reader
 * index back to it: head and body leave in one buffer, nothing is copied.
 */
public final class ResponseHead {
    /** Room to leave before a body for {@link #writeBefore}; the longest head is well under it. */
    public static final int RESERVE = 192;

    public static final byte[] TEXT_PLAIN = HeadBytes.ascii("text/plain");
    public static final byte[] JSON = HeadBytes.ascii("application/json");
    public static final byte[] PROMETHEUS = HeadBytes.ascii("text/plain; version=0.0.4; charset=utf-8");

    private static final byte[] CONTENT_TYPE = HeadBytes.ascii("\r\nContent-Type: ");
    private static final byte[] CONTENT_LENGTH = HeadBytes.ascii("\r\nContent-Length: ");
    private static final byte[] KEEP_ALIVE = HeadBytes.ascii("\r\nConnection: keep-alive\r\n\r\n");
    private static final byte[] CLOSE = HeadBytes.ascii("\r\nConnection: close\r\n\r\n");

    private ResponseHead() {}

    /** Bytes the head takes. */
    public static int size(int status, byte[] contentType, int contentLength, boolean keepAlive) {
        return statusLine(status).length + CONTENT_TYPE.length + contentType.length + CONTENT_LENGTH.length
                + Ascii.digits(contentLength) + (keepAlive ? KEEP_ALIVE : CLOSE).length;
    }

    /** Writes the head at the writer index. */
    public static void write(ByteBuf out, int status, byte[] contentType, int contentLength, boolean keepAlive) {
        out.writeBytes(statusLine(status));
        out.writeBytes(CONTENT_TYPE).writeBytes(contentType);
        out.writeBytes(CONTENT_LENGTH);
        Ascii.writeLong(out, contentLength);
        out.writeBytes(keepAlive ? KEEP_ALIVE : CLOSE);
    }

    /**
     * Writes the head for the body in {@code [bodyStart, out.writerIndex())} just before
     * {@code bodyStart}, and sets the reader index to the head's first byte.
     */
    public static void writeBefore(ByteBuf out, int bodyStart, int status, byte[] contentType, boolean keepAlive) {
        int bodyEnd = out.writerIndex();
        int length = bodyEnd - bodyStart;
        int headStart = bodyStart - size(status, contentType, length, keepAlive);
        out.writerIndex(headStart);
        write(out, status, contentType, length, keepAlive);
        out.writerIndex(bodyEnd);
        out.readerIndex(headStart);
    }

    private static byte[] statusLine(int status) {
        return switch (status) {
            case 200 -> StatusLines.OK;
            case 400 -> StatusLines.BAD_REQUEST;
            case 404 -> StatusLines.NOT_FOUND;
            case 405 -> StatusLines.METHOD_NOT_ALLOWED;
            case 414 -> StatusLines.URI_TOO_LONG;
            case 431 -> StatusLines.HEADERS_TOO_LARGE;
            case 503 -> StatusLines.UNAVAILABLE;
            default -> StatusLines.INTERNAL_ERROR;
        };
    }

    private static final class StatusLines {
        static final byte[] OK = HeadBytes.ascii("HTTP/1.1 200 OK");
        static final byte[] BAD_REQUEST = HeadBytes.ascii("HTTP/1.1 400 Bad Request");
        static final byte[] NOT_FOUND = HeadBytes.ascii("HTTP/1.1 404 Not Found");
        static final byte[] METHOD_NOT_ALLOWED = HeadBytes.ascii("HTTP/1.1 405 Method Not Allowed");
        static final byte[] URI_TOO_LONG = HeadBytes.ascii("HTTP/1.1 414 URI Too Long");
        static final byte[] HEADERS_TOO_LARGE = HeadBytes.ascii("HTTP/1.1 431 Request Header Fields Too Large");
        static final byte[] UNAVAILABLE = HeadBytes.ascii("HTTP/1.1 503 Service Unavailable");
        static final byte[] INTERNAL_ERROR = HeadBytes.ascii("HTTP/1.1 500 Internal Server Error");
    }
}
