# Sourced by ./swarmkeeper, ./run-tests and .ci/run: sets JAVA to a java of version 21 or newer
# (JAVA_HOME first, then java on PATH, then the newest under /usr/lib/jvm), JAVA_HOME to its JDK
# and JAVA_MAJOR to its version.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

find_java() {
  local candidates=() java major dir
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${dir}bin/java"); done
  for java in "${candidates[@]}"; do
    [ -x "$java" ] || continue
    major=$(java_major "$java")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      JAVA=$java
      JAVA_MAJOR=${major%%.*}
      JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java")")")
      export JAVA_HOME
      return 0
    fi
  done
  return 1
}
