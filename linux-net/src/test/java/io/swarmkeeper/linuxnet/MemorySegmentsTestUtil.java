package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;

final class MemorySegmentsTestUtil {
    private MemorySegmentsTestUtil() {}

    static void put(MemorySegment target, byte[] bytes) {
        MemorySegment.copy(bytes, 0, target, JAVA_BYTE, 0, bytes.length);
    }

    static byte[] get(MemorySegment source, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(source, JAVA_BYTE, 0, bytes, 0, length);
        return bytes;
    }
}
