# Sourced by ./swarmkeeper and bench/side-by-side.sh: the JVM options the tracker runs with, then
# SWARMKEEPER_JAVA_OPTS (heap size, another collector, ...) so a user's options come last.

swarmkeeper_jvm_options() {
  local opts="-XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED"
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
