# Sourced by the benchmark scripts: a fresh distribution on its own ports, started and stopped.
#
#   unpack_distribution DIR HTTP SSH RMI_REGISTRY RMI_SERVER [TARBALL]
#   start_distribution DIR LOGFILE        (in the background)
#   stop_distribution DIR                 (returns once its JVM is gone, at most 30 s)

unpack_distribution() {
  local dir=$1 tarball=${6:-$(ls karaf-distribution/target/atrium-distribution-*.tar.gz | head -n 1)}
  mkdir -p "$dir"
  tar -xzf "$tarball" -C "$dir" --strip-components=1
  sed -i "s/^org.osgi.service.http.port=.*/org.osgi.service.http.port=$2/" "$dir/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort = .*/sshPort = $3/" "$dir/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^rmiRegistryPort = .*/rmiRegistryPort = $4/; s/^rmiServerPort = .*/rmiServerPort = $5/" "$dir/etc/org.apache.karaf.management.cfg"
}

start_distribution() {
  local log
  log=$(readlink -f "$2")
  (cd "$1" && exec bin/karaf server >> "$log" 2>&1) &
}

stop_distribution() {
  local home
  home=$(cd "$1" && pwd)
  "$home/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 150); do pgrep -f -- "-Dkaraf.home=$home" >/dev/null || return 0; sleep 0.2; done
}
