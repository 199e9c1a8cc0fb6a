#!/usr/bin/env bash
# Removes the Border Booth Gateway: stops and disables the service, removes the unit and the programs. The configuration
# and the data folder (journal, keys, statistics) stay, so a later install finds them, unless --purge is given; --purge
# also removes the service user when install.sh created it.
#
#   sudo /opt/border-gateway/current/uninstall.sh [--purge]
#
# Takes the same --prefix, --config-dir, --data-dir, --unit-dir, --root, --user, --no-user and --no-systemctl as install.sh.
set -euo pipefail
root=${BORDER_GATEWAY_ROOT:-}
prefix="" config_dir="" data_dir="" unit_dir="" user=border-gateway manage_user=1 use_systemctl=1 purge=0
while [ $# -gt 0 ]; do
  case "$1" in
    --purge) purge=1; shift ;;
    --prefix) prefix=${2:?}; shift 2 ;;
    --config-dir) config_dir=${2:?}; shift 2 ;;
    --data-dir) data_dir=${2:?}; shift 2 ;;
    --unit-dir) unit_dir=${2:?}; shift 2 ;;
    --root) root=${2:?}; shift 2 ;;
    --user) user=${2:?}; shift 2 ;;
    --no-user) manage_user=0; shift ;;
    --no-systemctl) use_systemctl=0; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
prefix=${prefix:-$root/opt/border-gateway}
config_dir=${config_dir:-$root/etc/border-gateway}
data_dir=${data_dir:-$root/var/lib/border-gateway}
unit_dir=${unit_dir:-$root/etc/systemd/system}
systemctl=${BORDER_GATEWAY_SYSTEMCTL:-systemctl}
unit=border-gateway.service

if [ "$use_systemctl" = 1 ] && [ -e "$unit_dir/$unit" ]; then
  "$systemctl" stop "$unit" || true
  "$systemctl" disable "$unit" >/dev/null 2>&1 || true
fi
rm -f "$unit_dir/$unit"
[ "$use_systemctl" = 1 ] && { "$systemctl" daemon-reload || true; }
# Only what install.sh put there: version folders (they hold Gateway.Host) and the current link.
if [ -d "$prefix" ]; then
  rm -f "$prefix/current"
  for d in "$prefix"/*/; do
    if [ -e "$d/Gateway.Host" ]; then rm -rf "${d:?}"; fi
  done
  rmdir "$prefix" 2>/dev/null || true
fi
echo "uninstall.sh: removed the service and the programs"
if [ "$purge" = 1 ]; then
  rm -rf "${config_dir:?}" "${data_dir:?}"
  if [ "$manage_user" = 1 ] && id -u "$user" >/dev/null 2>&1; then
    userdel "$user" 2>/dev/null || true
  fi
  echo "uninstall.sh: purged the configuration ($config_dir) and the data ($data_dir)"
else
  echo "uninstall.sh: kept the configuration ($config_dir) and the data ($data_dir); --purge removes them"
fi
