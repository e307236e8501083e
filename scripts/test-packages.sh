# Sourced by ./run-tests: installs, as root with apt, the Debian packages the tests drive.

ensure_test_packages() {
  local missing=()
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v aria2c >/dev/null 2>&1 || missing+=(aria2)
  command -v transmission-cli >/dev/null 2>&1 || missing+=(transmission-cli)
  /usr/bin/python3 -c 'import libtorrent' >/dev/null 2>&1 || missing+=(python3-libtorrent)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "run-tests: missing packages: ${missing[*]} (install them, e.g. sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "run-tests: installing ${missing[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}
