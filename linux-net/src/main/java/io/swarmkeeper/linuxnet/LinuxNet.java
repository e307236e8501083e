package io.swarmkeeper.linuxnet;

/** Whether this module's sockets can run in this JVM. */
public final class LinuxNet {
    private LinuxNet() {}

    /**
     * Linux on a 64-bit x86 or ARM processor, where the struct layouts written here hold, a C
     * library with every call bound, and native access allowed by the JVM's options.
     */
    public static boolean available() {
        String arch = System.getProperty("os.arch");
        if (!System.getProperty("os.name").equals("Linux") || !(arch.equals("amd64") || arch.equals("aarch64"))) {
            return false;
        }
        try {
            Class.forName(Libc.class.getName(), true, LinuxNet.class.getClassLoader());
            return true;
        } catch (Throwable e) {
            // A call missing from the C library, or native access refused.
            return false;
        }
    }
}
