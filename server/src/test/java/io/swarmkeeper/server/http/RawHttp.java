package io.swarmkeeper.server.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A raw socket for what a well-behaved client never sends; every read is bounded by a timeout. */
final class RawHttp implements AutoCloseable {
    private final Socket socket = new Socket();
    private final InputStream in;

    RawHttp(URI base) throws IOException {
        this(base, 0);
    }

    /** With a receive buffer of {@code receiveBufferBytes} (0: the system's), for a client slow to take answers. */
    RawHttp(URI base, int receiveBufferBytes) throws IOException {
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost().replace("[", "").replace("]", ""), base.getPort()), 5000);
        socket.setSoTimeout(5000);
        in = new BufferedInputStream(socket.getInputStream());
    }

    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Half-closes: the server sees the end of input, we can still read. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    Response read() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the middle of a response head: " + head);
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        return new Response(status, headers, body);
    }

    /** Whether the server closes the connection within {@code limit} (reading and discarding anything it sends). */
    boolean closedWithin(Duration limit) throws IOException {
        socket.setSoTimeout((int) limit.toMillis());
        try {
            while (in.read() >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        Map<String, Object> bencoded() {
            return Http.decode(body);
        }

        String failureReason() {
            return Http.text(bencoded().get("failure reason"));
        }
    }
}
