# Sourced by ./swarmkeeper and the bench scripts: the JVM options the tracker runs with, then
# SWARMKEEPER_JAVA_OPTS (heap size, another collector, ...) so a user's options come last.

# What any of the project's JVMs needs to reach native code at full speed, the load generator too.
swarmkeeper_access_options() {
  local opts="--enable-native-access=ALL-UNNAMED"
  # From JDK 25 Netty leaves sun.misc.Unsafe alone unless the JDK is told to allow it, and then
  # reads and writes every buffer through ByteBuffer's bounds-checked accessors (the option
  # exists from JDK 24 and is refused before). Measured in docs/benchmarks.md.
  if [ "${JAVA_MAJOR:-0}" -ge 24 ] 2>/dev/null; then
    opts="$opts --sun-misc-unsafe-memory-access=allow"
  fi
  echo "$opts"
}

# Transparent huge pages for the heap where the kernel gives them on request only ("madvise"):
# the store is read at random, and on a VM every TLB miss walks two page tables. Measured 2-3 %
# less CPU per UDP request in A B rounds, the same resident memory after a 1M-peer fill
# (docs/benchmarks.md). With "always" the heap gets them anyway; with "never" there are none.
swarmkeeper_huge_pages_option() {
  local setting=${1:-/sys/kernel/mm/transparent_hugepage/enabled}
  if grep -q '\[madvise\]' "$setting" 2>/dev/null; then
    echo "-XX:+UseTransparentHugePages"
  fi
}

swarmkeeper_jvm_options() {
  local opts
  opts="-XX:+ExitOnOutOfMemoryError $(swarmkeeper_access_options)"
  # Netty's leak detector samples buffers and records a stack trace for each sampled one: at
  # 8k HTTP requests/s JFR counted ~200 such traces a second on the event loop, and the sampled
  # buffers' wrapper class made the JIT throw away compiled code (docs/benchmarks.md). The tests
  # run it at its strictest instead (pom.xml), where a leak would show.
  opts="$opts -Dio.netty.leakDetection.level=disabled $(swarmkeeper_huge_pages_option)"
  # ParallelGC with a 32 MB young generation, measured beside Serial, G1, ZGC and other young
  # sizes under the UDP load (docs/benchmarks.md): the same throughput and p99, and half the
  # resident growth per peer of an unbounded young generation (garbage here is per-request and
  # dies young; the store's arrays are what lives). A collector named in SWARMKEEPER_JAVA_OPTS
  # wins (the JVM refuses two); a later -Xmn there overrides this one.
  case " ${SWARMKEEPER_JAVA_OPTS:-} " in
    *" -XX:+Use"*"GC "*) ;;
    *) opts="$opts -XX:+UseParallelGC -Xmn32m" ;;
  esac
  echo "$opts ${SWARMKEEPER_JAVA_OPTS:-}"
}
