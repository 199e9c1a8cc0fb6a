#!/usr/bin/env bash
# Installs or upgrades the Border Booth Gateway from this unpacked package (run as root):
#
#   sudo ./install.sh             first installation: service user, program, configuration, data folder, systemd unit,
#                                 enabled and started, then waits until the gateway answers SERVING
#   sudo ./install.sh --upgrade   stops the gateway, switches to this version, starts it and waits for SERVING; when it
#                                 does not become healthy in time, switches back to the previous version and restarts it
#
# Layout (every path can be changed, for a test or another file system layout):
#   --prefix DIR       programs: DIR/<version>/ and DIR/current -> <version>   (default /opt/border-gateway)
#   --config-dir DIR   appsettings.json, kept across upgrades; new defaults go beside it as appsettings.json.new
#                      (default /etc/border-gateway)
#   --data-dir DIR     journal, keys and statistics, mode 0700, owned by the service user (default /var/lib/border-gateway)
#   --unit-dir DIR     where border-gateway.service goes (default /etc/systemd/system)
#   --root DIR         puts all four defaults under DIR (or BORDER_GATEWAY_ROOT)
#   --user NAME        the service user (default border-gateway)
#   --no-user          the user exists already: neither create it nor change its groups
#   --no-systemctl     install files only: no daemon-reload, enable, start or health wait
#   --health-timeout S seconds to wait for SERVING (default 90)
# Environment: BORDER_GATEWAY_SYSTEMCTL (the systemctl to call), GATEWAY_ADDRESS and GATEWAY_TOKEN (how gatewayctl reaches
# the gateway for the health check when its address or tokens are not the defaults).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${BORDER_GATEWAY_ROOT:-}
prefix="" config_dir="" data_dir="" unit_dir="" user=border-gateway manage_user=1 use_systemctl=1 upgrade=0 timeout=90
while [ $# -gt 0 ]; do
  case "$1" in
    --upgrade) upgrade=1; shift ;;
    --prefix) prefix=${2:?}; shift 2 ;;
    --config-dir) config_dir=${2:?}; shift 2 ;;
    --data-dir) data_dir=${2:?}; shift 2 ;;
    --unit-dir) unit_dir=${2:?}; shift 2 ;;
    --root) root=${2:?}; shift 2 ;;
    --user) user=${2:?}; shift 2 ;;
    --no-user) manage_user=0; shift ;;
    --no-systemctl) use_systemctl=0; shift ;;
    --health-timeout) timeout=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
prefix=${prefix:-$root/opt/border-gateway}
config_dir=${config_dir:-$root/etc/border-gateway}
data_dir=${data_dir:-$root/var/lib/border-gateway}
unit_dir=${unit_dir:-$root/etc/systemd/system}
systemctl=${BORDER_GATEWAY_SYSTEMCTL:-systemctl}
unit=border-gateway.service
version=$(cat "$here/VERSION")
say() { echo "install.sh: $*"; }
fail() { echo "install.sh: $*" >&2; exit 1; }

[ -x "$here/app/Gateway.Host" ] || fail "run me from the unpacked package (no app/Gateway.Host beside me)"
current=""
[ -L "$prefix/current" ] && current=$(readlink "$prefix/current")
if [ "$upgrade" = 1 ]; then
  [ -n "$current" ] || fail "no installed version in $prefix to upgrade; install without --upgrade"
  [ "$current" != "$version" ] || fail "version $version is already the current one in $prefix"
elif [ -n "$current" ]; then
  fail "version $current is installed in $prefix; use --upgrade to replace it with $version"
fi

# The service user, in the groups that own serial ports, USB devices, cameras and scanners (those the system has).
if [ "$manage_user" = 1 ]; then
  if ! id -u "$user" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$data_dir" --no-create-home --shell /usr/sbin/nologin \
      --comment "Border Booth Gateway" "$user"
    say "created the system user $user"
  fi
  for group in dialout plugdev video scanner; do
    if getent group "$group" >/dev/null; then usermod -a -G "$group" "$user"; fi
  done
fi
id -u "$user" >/dev/null 2>&1 || fail "the user $user does not exist"
group=$(id -gn "$user")

# The program: a folder per version, copied whole before anything points at it.
mkdir -p "$prefix"
rm -rf "$prefix/$version.partial"
cp -a "$here/app" "$prefix/$version.partial"
cp "$here/VERSION" "$here/THIRD-PARTY-NOTICES.txt" "$here/install.sh" "$here/uninstall.sh" "$here/$unit" "$prefix/$version.partial/"
rm -rf "${prefix:?}/$version"
mv "$prefix/$version.partial" "$prefix/$version"

# The configuration is the technician's: written once, never overwritten; a changed default ships beside it as .new.
# It is readable by the service user only (it may hold a certificate password or the technician key's hash).
install -d -m 0755 "$config_dir"
if [ ! -e "$config_dir/appsettings.json" ]; then
  install -m 0640 -g "$group" "$here/app/appsettings.json" "$config_dir/appsettings.json"
  say "wrote the default configuration $config_dir/appsettings.json"
elif ! cmp -s "$here/app/appsettings.json" "$config_dir/appsettings.json"; then
  install -m 0640 -g "$group" "$here/app/appsettings.json" "$config_dir/appsettings.json.new"
  say "kept $config_dir/appsettings.json; this version's defaults are in appsettings.json.new"
fi

# The data folder: journal, keys, statistics. Only the service user may enter it.
install -d -m 0700 -o "$user" -g "$group" "$data_dir"

render_unit() { # version folder -> the unit file
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@CONFIG_DIR@|$config_dir|g" -e "s|@DATA_DIR@|$data_dir|g" -e "s|@USER@|$user|g" \
    "$prefix/$1/$unit" > "$unit_dir/$unit.partial"
  mv "$unit_dir/$unit.partial" "$unit_dir/$unit"
}
switch_to() { # version folder: current -> it, atomically
  ln -sfn "$1" "$prefix/current.partial"
  mv -T "$prefix/current.partial" "$prefix/current"
}
healthy() { # waits up to $timeout seconds for gatewayctl health to answer SERVING
  local deadline=$((SECONDS + timeout))
  while [ "$SECONDS" -lt "$deadline" ]; do
    "$prefix/current/gatewayctl" health >/dev/null 2>&1 && return 0
    sleep 1
  done
  return 1
}
mkdir -p "$unit_dir"

if [ "$use_systemctl" = 1 ] && [ "$upgrade" = 1 ]; then
  say "stopping the gateway $current"
  "$systemctl" stop "$unit"
fi
render_unit "$version"
switch_to "$version"
if [ "$use_systemctl" = 0 ]; then
  say "installed $version in $prefix (the service was not started: --no-systemctl)"
  exit 0
fi
"$systemctl" daemon-reload
"$systemctl" enable "$unit" >/dev/null 2>&1 || "$systemctl" enable "$unit"
"$systemctl" start "$unit"
say "started $version; waiting up to $timeout s for the gateway to answer SERVING"
if healthy; then
  say "the gateway $version is SERVING"
  # Keep the previous version for a manual roll-back; older ones go.
  for old in "$prefix"/*/; do
    old=$(basename "$old")
    case "$old" in
      "$version"|"$current"|current) ;;
      *) if [ -x "$prefix/$old/Gateway.Host" ]; then rm -rf "${prefix:?}/$old"; fi ;;
    esac
  done
  exit 0
fi
if [ "$upgrade" = 0 ]; then
  fail "the gateway $version did not answer SERVING within $timeout s: see journalctl -u border-gateway"
fi
echo "install.sh: the gateway $version did not answer SERVING within $timeout s; rolling back to $current" >&2
"$systemctl" stop "$unit" || true
render_unit "$current"
switch_to "$current"
"$systemctl" daemon-reload
"$systemctl" start "$unit"
if healthy; then
  fail "rolled back: $current is running again and SERVING; $version stays in $prefix/$version for inspection"
fi
fail "rolled back to $current, but it does not answer SERVING either: see journalctl -u border-gateway"
