package io.swarmkeeper.server.http;

import io.swarmkeeper.protocol.bencode.BencodeDecoder;
import io.swarmkeeper.protocol.bencode.DecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A well-behaved client (the JDK's HttpClient, HTTP/1.1) with bounded timeouts. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    static HttpResponse<byte[]> get(URI base, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(5));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs and decodes a bencoded tracker reply, requiring status 200. */
    static Map<String, Object> bencoded(URI base, String pathAndQuery, String... headers) {
        HttpResponse<byte[]> response = get(base, pathAndQuery, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("status " + response.statusCode() + ": " + new String(response.body()));
        }
        return decode(response.body());
    }

    static Map<String, Object> decode(byte[] body) {
        try {
            return BencodeDecoder.decodeDict(body);
        } catch (DecodeException e) {
            throw new AssertionError("not bencode: " + new String(body, StandardCharsets.ISO_8859_1), e);
        }
    }

    static String text(Object bencodedString) {
        return new String((byte[]) bencodedString, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> dict(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
