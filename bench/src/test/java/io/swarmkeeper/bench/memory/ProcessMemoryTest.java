package io.swarmkeeper.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    @Test
    void g1_heap_info_gives_the_one_heap_figure() {
        String g1 = """
                12345:
                 garbage-first heap   total reserved 6172672K, committed 393216K, used 11109K [0x0000000687400000, \
                0x0000000800000000)
                  region size 4096K, 3 young (12288K), 1 survivors (4096K)
                 Metaspace       used 1234K, committed 1408K, reserved 1114112K
                  class space    used 100K, committed 192K, reserved 1048576K
                """;
        assertThat(ProcessMemory.parseHeapUsed(g1)).isEqualTo(11109L * 1024);
    }

    @Test
    void serial_heap_info_sums_young_and_old() {
        String serial = """
                 def new generation   total 4928K, used 1634K [0x00000000c0000000, 0x00000000c0550000)
                  eden space 4416K,  37% used [0x00000000c0000000, 0x00000000c0198a10, 0x00000000c0450000)
                 tenured generation   total 10944K, used 2048K [0x00000000c0550000, 0x00000000c1000000)
                """;
        assertThat(ProcessMemory.parseHeapUsed(serial)).isEqualTo((1634L + 2048) * 1024);
    }

    @Test
    void zgc_heap_info_in_megabytes() {
        assertThat(ProcessMemory.parseHeapUsed(" ZHeap           used 12M, capacity 256M, max capacity 4096M\n"))
                .isEqualTo(12L << 20);
    }

    @Test
    void resident_set_comes_from_the_status_line_in_kilobytes() {
        String status = "Name:\tjava\nVmPeak:\t 999 kB\nVmRSS:\t  123456 kB\nThreads:\t12\n";
        assertThat(ProcessMemory.statusBytes(status, "VmRSS:")).isEqualTo(123456L * 1024);
        assertThat(ProcessMemory.residentBytes(ProcessHandle.current().pid())).isPositive();
    }
}
