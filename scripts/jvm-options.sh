# Sourced by ./swarmkeeper and bench/side-by-side.sh: the JVM options the tracker runs with, then
# SWARMKEEPER_JAVA_OPTS (heap size, another collector, ...) so a user's options come last.

swarmkeeper_jvm_options() {
  local opts="-XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED"
  # ParallelGC, measured beside Serial, G1 and ZGC under the UDP load (docs/benchmarks.md): the
  # same throughput and p99, and 211-219 MB resident against G1's 338 and ZGC's 642. Serial was
  # as small but collects with one thread. A collector named in SWARMKEEPER_JAVA_OPTS wins (the
  # JVM refuses two).
  case " ${SWARMKEEPER_JAVA_OPTS:-} " in
    *" -XX:+Use"*"GC "*) ;;
    *) opts="$opts -XX:+UseParallelGC" ;;
  esac
  echo "$opts ${SWARMKEEPER_JAVA_OPTS:-}"
}
