package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The few bpf(2) commands an AF_XDP socket needs: a socket map, an XDP program loaded from its
 * instructions, and a link that attaches the program to an interface for as long as the link's
 * descriptor is open (so a process that dies detaches it). Attribute offsets are those of
 * {@code union bpf_attr} in linux/bpf.h. Not the hot path.
 */
final class Bpf {
    private static final int MAP_CREATE = 0;
    private static final int MAP_UPDATE_ELEM = 2;
    private static final int PROG_LOAD = 5;
    private static final int LINK_CREATE = 28;
    private static final int MAP_TYPE_XSKMAP = 17;
    private static final int PROG_TYPE_XDP = 6;
    private static final int ATTACH_TYPE_XDP = 37;
    /** Generic (driver-independent) XDP, which every interface has, loopback included. */
    static final int XDP_FLAGS_SKB_MODE = 1 << 1;
    private static final int XDP_HAS_FRAGS = 1 << 5;
    private static final int ATTR_SIZE = 128;
    private static final int LOG_SIZE = 64 * 1024;

    private Bpf() {}

    /** A map from receive-queue index to AF_XDP socket, for {@code bpf_redirect_map}. */
    static int createSocketMap(int queues) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, MAP_TYPE_XSKMAP);
            attr.set(JAVA_INT, 4, 4);
            attr.set(JAVA_INT, 8, 4);
            attr.set(JAVA_INT, 12, queues);
            return (int) call(arena, MAP_CREATE, attr, "BPF_MAP_CREATE");
        }
    }

    static void update(int mapFd, int key, int value) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, mapFd);
            attr.set(JAVA_LONG, 8, arena.allocateFrom(JAVA_INT, key).address());
            attr.set(JAVA_LONG, 16, arena.allocateFrom(JAVA_INT, value).address());
            call(arena, MAP_UPDATE_ELEM, attr, "BPF_MAP_UPDATE_ELEM");
        }
    }

    /** Loads an XDP program; a refusal carries the verifier's own account of it. */
    static int loadXdp(byte[] instructions, String name) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
            MemorySegment code = arena.allocate(instructions.length, 8);
            MemorySegment.copy(instructions, 0, code, JAVA_BYTE, 0, instructions.length);
            MemorySegment log = arena.allocate(LOG_SIZE);
            attr.set(JAVA_INT, 0, PROG_TYPE_XDP);
            attr.set(JAVA_INT, 4, instructions.length / XdpRedirect.INSTRUCTION_SIZE);
            attr.set(JAVA_LONG, 8, code.address());
            // Its one helper, bpf_redirect_map, is not GPL-only; the string must merely be there.
            attr.set(JAVA_LONG, 16, arena.allocateFrom("Dual MIT/GPL").address());
            attr.set(JAVA_INT, 24, 1);
            attr.set(JAVA_INT, 28, LOG_SIZE);
            attr.set(JAVA_LONG, 32, log.address());
            // The kernel refuses a program that cannot take multi-buffer packets on an interface
            // whose MTU exceeds a page (loopback's is 64 KB). This one reads only headers, which
            // are always in the first buffer.
            attr.set(JAVA_INT, 44, XDP_HAS_FRAGS);
            byte[] title = name.getBytes(StandardCharsets.US_ASCII);
            MemorySegment.copy(title, 0, attr, JAVA_BYTE, 48, Math.min(title.length, 15));
            attr.set(JAVA_INT, 68, ATTACH_TYPE_XDP);
            try {
                return (int) call(arena, PROG_LOAD, attr, "BPF_PROG_LOAD");
            } catch (IOException e) {
                String verifier = log.getString(0).strip();
                throw verifier.isEmpty() ? e : new IOException(e.getMessage() + ": " + verifier, e);
            }
        }
    }

    /** Attaches an XDP program to an interface until the returned descriptor is closed. */
    static int attachXdp(int programFd, int interfaceIndex, int flags) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, programFd);
            attr.set(JAVA_INT, 4, interfaceIndex);
            attr.set(JAVA_INT, 8, ATTACH_TYPE_XDP);
            attr.set(JAVA_INT, 12, flags);
            return (int) call(arena, LINK_CREATE, attr, "BPF_LINK_CREATE");
        }
    }

    private static long call(Arena arena, int command, MemorySegment attr, String name) throws IOException {
        MemorySegment state = arena.allocate(Libc.CALL_STATE);
        long result;
        try {
            result = (long) Libc.SYSCALL.invokeExact(state, Libc.SYS_BPF, (long) command, attr, (long) ATTR_SIZE);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (result < 0) {
            throw Libc.failure(name, state);
        }
        return result;
    }
}
