package io.swarmkeeper.linuxnet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes of AF_XDP on loopback ({@code @ExtendWith(LoopbackXdp.class)}). An answer sent
 * from an AF_XDP socket on loopback enters the stack as a routed packet from a local address to
 * 127.0.0.1, which Linux drops unless the loopback interface accepts both: this turns that on
 * before the class and puts the settings back after it. It skips the class where AF_XDP cannot
 * run: not root (CAP_NET_ADMIN; CI runs as root), or a kernel built without it.
 */
public final class LoopbackXdp implements BeforeAllCallback, AfterAllCallback {
    private static final Path ROUTE_LOCALNET = Path.of("/proc/sys/net/ipv4/conf/lo/route_localnet");
    private static final Path ACCEPT_LOCAL = Path.of("/proc/sys/net/ipv4/conf/lo/accept_local");
    private static final ExtensionContext.Namespace SAVED = ExtensionContext.Namespace.create(LoopbackXdp.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assumeTrue(LinuxNet.available(), "Linux x86_64/aarch64 only");
        assumeTrue("root".equals(System.getProperty("user.name")), "AF_XDP needs root");
        assumeTrue(kernelHasAfXdp(), "this kernel has no AF_XDP");
        ExtensionContext.Store store = context.getStore(SAVED);
        store.put(ROUTE_LOCALNET, Files.readString(ROUTE_LOCALNET).strip());
        store.put(ACCEPT_LOCAL, Files.readString(ACCEPT_LOCAL).strip());
        Files.writeString(ROUTE_LOCALNET, "1");
        Files.writeString(ACCEPT_LOCAL, "1");
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        ExtensionContext.Store store = context.getStore(SAVED);
        for (Path setting : new Path[] {ROUTE_LOCALNET, ACCEPT_LOCAL}) {
            String saved = store.get(setting, String.class);
            if (saved != null) {
                Files.writeString(setting, saved);
            }
        }
    }

    /** Whether this kernel has AF_XDP at all (built without it, socket() says EAFNOSUPPORT). */
    private static boolean kernelHasAfXdp() throws IOException {
        try {
            XdpSocket.open("lo", 0, 1).close();
            return true;
        } catch (IOException e) {
            if (e.getMessage().contains("(errno 97)")) {
                return false;
            }
            throw e;
        }
    }
}
