package io.swarmkeeper.linuxnet;

import java.io.ByteArrayOutputStream;

/**
 * The XDP program that hands an AF_XDP socket the UDP datagrams for one IPv4 address and port, as
 * eBPF instructions: an unfragmented IPv4 packet without options and no longer than a frame takes,
 * carrying UDP to that port (and address, unless it is 0.0.0.0), is redirected to the socket of
 * the queue it arrived on; anything else, or anything on a queue without a socket, goes on to the
 * kernel's stack as if there were no program. Hand-assembled, so building needs no compiler for BPF. A codec: no I/O.
 */
final class XdpRedirect {
    static final int INSTRUCTION_SIZE = 8;
    /** Ethernet (14), IPv4 without options (20), UDP (8). */
    static final int HEADERS = 42;
    private static final int XDP_PASS = 2;
    private static final int HELPER_REDIRECT_MAP = 51;
    private static final int PSEUDO_MAP_FD = 1;

    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private int count;
    /** Positions of the jumps to the final "pass" instructions, patched once those are placed. */
    private final int[] toPass = new int[16];
    private int jumps;

    private XdpRedirect() {}

    /**
     * @param address the IPv4 address in network order as a big-endian int, or 0 for any
     * @param port the UDP port
     * @param socketMapFd the map of queue index to socket ({@link Bpf#createSocketMap})
     * @param maxPacket the longest IP packet (its total length) to redirect
     */
    static byte[] program(int address, int port, int socketMapFd, int maxPacket) {
        XdpRedirect p = new XdpRedirect();
        p.op(0xbf, 6, 1, 0, 0); // r6 = ctx
        p.op(0x61, 2, 1, 0, 0); // r2 = ctx->data
        p.op(0x61, 3, 1, 4, 0); // r3 = ctx->data_end
        p.op(0xbf, 4, 2, 0, 0); // r4 = r2
        p.op(0x07, 4, 0, 0, HEADERS); // r4 += headers
        p.jumpToPass(0x2d, 4, 3, 0); // if r4 > r3: too short
        // Loads are little-endian, so a big-endian field reads byte-swapped.
        p.op(0x69, 5, 2, 12, 0); // r5 = ethertype
        p.jumpToPass(0x55, 5, 0, 0x0008); // not IPv4
        p.op(0x71, 5, 2, 14, 0); // r5 = version and header length
        p.jumpToPass(0x55, 5, 0, 0x45); // not IPv4 without options
        p.op(0x71, 5, 2, 23, 0); // r5 = protocol
        p.jumpToPass(0x55, 5, 0, 17); // not UDP
        p.op(0x69, 5, 2, 16, 0); // r5 = total length
        p.op(0xdc, 5, 0, 0, 16); // to host order
        p.jumpToPass(0x25, 5, 0, maxPacket); // longer than a frame takes: the stack's to answer
        p.op(0x69, 5, 2, 20, 0); // r5 = flags and fragment offset
        p.op(0x57, 5, 0, 0, 0xff3f); // more-fragments and the offset
        p.jumpToPass(0x55, 5, 0, 0); // a fragment
        p.op(0x69, 5, 2, 36, 0); // r5 = destination port
        p.jumpToPass(0x55, 5, 0, Short.reverseBytes((short) port) & 0xFFFF);
        if (address != 0) {
            p.op(0x61, 5, 2, 30, 0); // r5 = destination address
            // The 32-bit compare: a 64-bit one would sign-extend the immediate.
            p.jumpToPass(0x56, 5, 0, Integer.reverseBytes(address));
        }
        p.op(0x61, 2, 6, 16, 0); // r2 = ctx->rx_queue_index
        p.op(0x18, 1, PSEUDO_MAP_FD, 0, socketMapFd); // r1 = the map (two instructions)
        p.op(0x00, 0, 0, 0, 0);
        p.op(0xb7, 3, 0, 0, XDP_PASS); // if the queue has no socket: pass
        p.op(0x85, 0, 0, 0, HELPER_REDIRECT_MAP);
        p.op(0x95, 0, 0, 0, 0); // return its verdict
        int pass = p.count;
        p.op(0xb7, 0, 0, 0, XDP_PASS);
        p.op(0x95, 0, 0, 0, 0);
        byte[] bytes = p.code.toByteArray();
        for (int i = 0; i < p.jumps; i++) {
            int at = p.toPass[i];
            int offset = pass - (at + 1);
            bytes[at * INSTRUCTION_SIZE + 2] = (byte) offset;
            bytes[at * INSTRUCTION_SIZE + 3] = (byte) (offset >> 8);
        }
        return bytes;
    }

    private void jumpToPass(int opcode, int dst, int src, int imm) {
        toPass[jumps++] = count;
        op(opcode, dst, src, 0, imm);
    }

    private void op(int opcode, int dst, int src, int offset, int imm) {
        code.write(opcode);
        code.write(src << 4 | dst);
        code.write(offset);
        code.write(offset >> 8);
        code.write(imm);
        code.write(imm >> 8);
        code.write(imm >> 16);
        code.write(imm >> 24);
        count++;
    }
}
