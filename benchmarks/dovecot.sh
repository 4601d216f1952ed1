# A throw-away Dovecot IMAP server for the benchmarks (sourced): Debian's dovecot-imapd, installed with apt-get when
# missing, run from a private configuration under the given directory on a given port, plain authentication over
# loopback with one static password for every user, Maildir storage there too. `start_dovecot DIR PORT PASSWORD`,
# `stop_dovecot DIR`. As root, the mail processes run as the unprivileged user nobody (Dovecot refuses root for
# mail), the login processes as the package's dovenull; otherwise everything runs as the caller.
start_dovecot() {
  local dir port password me user group
  dir=$(mkdir -p "$1" && cd "$1" && pwd); port=$2; password=$3
  if ! command -v dovecot >/dev/null 2>&1; then
    apt-cache policy dovecot-imapd | sed -n 1,3p
    if [ "$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y dovecot-imapd >"$dir/apt.log" 2>&1
    else sudo DEBIAN_FRONTEND=noninteractive apt-get install -y dovecot-imapd >"$dir/apt.log" 2>&1; fi \
      || { echo "dovecot-imapd could not be installed; see $dir/apt.log" >&2; return 1; }
  fi
  rm -rf "$dir/run" "$dir/mail" "$dir/state" && mkdir -p "$dir/run" "$dir/mail" "$dir/state"
  if [ "$(id -u)" = 0 ]; then
    user=nobody; group=$(id -gn nobody)
    chown -R nobody "$dir/mail" "$dir/state"
    logins="default_login_user = dovenull
default_internal_user = dovecot"
  else
    user=$(id -un); group=$(id -gn)
    logins="default_login_user = $user
default_internal_user = $user"
  fi
  cat > "$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
$logins
first_valid_uid = 1
mail_location = maildir:$dir/mail/%u
mail_uid = $user
mail_gid = $group
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
passdb {
  driver = static
  args = password=$password
}
userdb {
  driver = static
  args = uid=$user gid=$group home=$dir/mail/%u
}
CONF
  dovecot -c "$dir/dovecot.conf" || { echo "dovecot did not start; see $dir/dovecot.log" >&2; return 1; }
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; sleep 0.2; done
  echo "dovecot does not listen on $port; see $dir/dovecot.log" >&2; return 1
}
stop_dovecot() {
  [ -f "$1/dovecot.conf" ] && doveadm -c "$1/dovecot.conf" stop >/dev/null 2>&1 || true
}
