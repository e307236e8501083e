package io.swarmkeeper.app.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A generated single-file payload and its v1 metainfo, written by hand here (a tiny bencode
 * writer) so the end-to-end test depends on no torrent-making tool and on no project code
 * whose bugs it could share.
 */
final class TestTorrent {
    final Path payload;
    final long length;
    final int pieceLength;
    final int pieceCount;
    final byte[] info;
    final byte[] infoHash;
    final String sha256;

    private TestTorrent(Path payload, long length, int pieceLength, byte[] info, byte[] infoHash, String sha256) {
        this.payload = payload;
        this.length = length;
        this.pieceLength = pieceLength;
        this.pieceCount = (int) ((length + pieceLength - 1) / pieceLength);
        this.info = info;
        this.infoHash = infoHash;
        this.sha256 = sha256;
    }

    String infoHashHex() {
        return HexFormat.of().formatHex(infoHash);
    }

    /** Writes {@code length} pseudo-random bytes to {@code payload} and hashes them into pieces. */
    static TestTorrent generate(Path payload, long length, int pieceLength, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        MessageDigest whole = digest("SHA-256");
        try (var out = Files.newOutputStream(payload)) {
            byte[] piece = new byte[pieceLength];
            for (long done = 0; done < length; ) {
                int n = (int) Math.min(pieceLength, length - done);
                random.nextBytes(piece);
                out.write(piece, 0, n);
                MessageDigest sha1 = digest("SHA-1");
                sha1.update(piece, 0, n);
                pieces.writeBytes(sha1.digest());
                whole.update(piece, 0, n);
                done += n;
            }
        }
        Map<String, Object> info = new TreeMap<>();
        info.put("length", length);
        info.put("name", payload.getFileName().toString());
        info.put("piece length", (long) pieceLength);
        info.put("pieces", pieces.toByteArray());
        // BEP 27: clients must get peers from the tracker only (no DHT, PEX or LSD for it),
        // on top of the switches each client is started with.
        info.put("private", 1L);
        byte[] infoBytes = bencode(info);
        return new TestTorrent(payload, length, pieceLength, infoBytes, digest("SHA-1").digest(infoBytes),
                HexFormat.of().formatHex(whole.digest()));
    }

    /** Writes a .torrent with this payload's info dictionary and one announce URL. */
    Path writeTorrent(Path file, URI announce) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Keys in sorted order: "announce" < "created by" < "info".
        out.writeBytes("d".getBytes(StandardCharsets.US_ASCII));
        writeString(out, "announce".getBytes(StandardCharsets.UTF_8));
        writeString(out, announce.toString().getBytes(StandardCharsets.UTF_8));
        writeString(out, "created by".getBytes(StandardCharsets.UTF_8));
        writeString(out, "Swarmkeeper end-to-end test".getBytes(StandardCharsets.UTF_8));
        writeString(out, "info".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(info);
        out.writeBytes("e".getBytes(StandardCharsets.US_ASCII));
        return Files.write(file, out.toByteArray());
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = digest("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] bencode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        switch (value) {
            case Long n -> out.writeBytes(("i" + n + "e").getBytes(StandardCharsets.US_ASCII));
            case String s -> writeString(out, s.getBytes(StandardCharsets.UTF_8));
            case byte[] b -> writeString(out, b);
            case TreeMap<?, ?> map -> {
                out.write('d');
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    writeString(out, ((String) e.getKey()).getBytes(StandardCharsets.UTF_8));
                    write(out, e.getValue());
                }
                out.write('e');
            }
            default -> throw new IllegalArgumentException("cannot bencode " + value.getClass());
        }
    }

    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
