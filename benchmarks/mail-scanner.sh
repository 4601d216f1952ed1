#!/usr/bin/env bash
# Mail scanner benchmark: how fast a mailbox created over REST files N messages (default 2000) from an IMAP server
# (GreenMail, plain IMAP, in the benchmark JVM), against a baseline measured in the same run: a bare Jakarta Mail
# client reading the same folder completely (every byte with writeTo, subject and from parsed), median of 3.
# Messages: UTF-8, GB2312-labelled GBK and GBK, one in five with a 20–50 KB attachment, half from 500 seeded contacts.
#
#   benchmarks/mail-scanner.sh [messages]     (after `mvn install -DskipTests`; free ports are picked at start;
#                                             500 takes ~7 min; 2000 spends >15 min in the GreenMail baseline alone)
#   benchmarks/mail-scanner.sh --smoke        (50 messages: checks the benchmark itself works, in about 2.5 minutes)
#   benchmarks/mail-scanner.sh --dovecot [messages|--smoke]
#                                             the same against Debian's Dovecot (dovecot-imapd, installed with apt-get
#                                             when missing) instead of GreenMail: a throw-away server on a free port,
#                                             configuration and Maildir under benchmarks/target/mail-scanner/dovecot,
#                                             the messages loaded over IMAP APPEND (benchmarks/dovecot.sh)
#
# Prints a markdown table; thread dumps of the container taken while it files are kept in
# benchmarks/target/mail-scanner/. Not a test: nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/distribution.sh
source benchmarks/dovecot.sh
stall=60
server=greenmail
if [ "${1:-}" = "--dovecot" ]; then server=dovecot; shift; fi
if [ "${1:-}" = "--smoke" ]; then messages=50; stall=30; else messages=${1:-2000}; fi
repo=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
[ -d /work/m2-bench/com/icegreen ] && [ -z "${MAVEN_REPO_LOCAL:-}" ] && repo=/work/m2-bench
jar() { local j; j=$(ls -d "$repo"/$1 2>/dev/null | sort -V | tail -n 1); [ -n "$j" ] || { echo "missing $repo/$1 (run the build once)" >&2; exit 1; }; echo "$j"; }
cp=$(jar com/icegreen/greenmail/1.6.15/greenmail-1.6.15.jar):$(jar com/sun/mail/jakarta.mail/1.6.7/jakarta.mail-1.6.7.jar)
cp=$cp:$(jar 'com/sun/activation/jakarta.activation/1.2.*/jakarta.activation-1.2.*.jar')
cp=$cp:$(jar org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar):$(jar org/slf4j/slf4j-nop/1.7.36/slf4j-nop-1.7.36.jar)

free_ports() { # n free TCP ports on localhost
  python3 -c 'import socket,sys
socks=[socket.socket() for _ in range(int(sys.argv[1]))]
[s.bind(("127.0.0.1",0)) for s in socks]
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$1"
}
read -r http ssh rmiReg rmiSrv imap <<< "$(free_ports 5)"

work=benchmarks/target/mail-scanner
rm -rf "$work" && mkdir -p "$work/karaf"
unpack_distribution "$work/karaf" "$http" "$ssh" "$rmiReg" "$rmiSrv"
home=$(cd "$work/karaf" && pwd)
export ATRIUM_ADMIN_PASSWORD=bench-$$-Secret
base=http://localhost:$http
echo "ports: http $http, ssh $ssh, rmi $rmiReg/$rmiSrv, imap $imap; $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"

"$home/bin/karaf" server > "$work/console.log" 2>&1 &
launcher=$!
karaf_pid() { ps -eo pid=,args= | awk -v h="$home" 'index($0, "java") && index($0, "-Dkaraf.home=" h) {print $1; exit}'; }
cleanup() {
  "$home/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do kill -0 "$launcher" 2>/dev/null || break; sleep 0.5; done
  pid=$(karaf_pid || true)
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
  rm -rf "$home"
  if [ "$server" = dovecot ]; then stop_dovecot "$work/dovecot"; fi
}
trap cleanup EXIT
up=
for _ in $(seq 1 360); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/health")" = 200 ] && up=1 && break; sleep 0.5; done
[ -n "$up" ] || { echo "Atrium did not start; see $work/console.log" >&2; exit 1; }
for _ in $(seq 1 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$ATRIUM_ADMIN_PASSWORD" "$base/api/v1/mailboxes")" = 200 ] && break; sleep 0.5; done
if [ "$server" = dovecot ]; then start_dovecot "$work/dovecot" "$imap" Bench-Imap-1; fi
java -cp "$cp" benchmarks/MailScannerBench.java "$base" "$ATRIUM_ADMIN_PASSWORD" "$messages" "$imap" "$work" "$(karaf_pid)" "$stall" "$server"
cp "$home/data/log/karaf.log" "$work/karaf.log" 2>/dev/null || true
