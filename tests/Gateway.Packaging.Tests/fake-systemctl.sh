#!/usr/bin/env bash
# Stands in for systemctl when install.sh and uninstall.sh are tested in a throwaway root (BORDER_GATEWAY_SYSTEMCTL):
# "start" runs the unit's ExecStart in its WorkingDirectory with only the unit's Environment= (plus PATH, LANG and HOME,
# which systemd also sets), in its own session, its output appended to STATE/UNIT.log; "stop" sends SIGTERM and waits
# for the exit as systemd does (TimeoutStopSec 30 s, then SIGKILL). User= and the sandboxing options are not applied
# here: systemd-analyze checks the unit file itself.
#   FAKE_SYSTEMD_UNIT_DIR  where install.sh writes units;  FAKE_SYSTEMD_STATE  pid files, logs and the calls made
set -euo pipefail
units=${FAKE_SYSTEMD_UNIT_DIR:?}; state=${FAKE_SYSTEMD_STATE:?}
mkdir -p "$state"
echo "$*" >> "$state/calls"
command=${1:?}; unit=${2:-}
pidfile="$state/$unit.pid"
running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
value() { sed -n "s/^$1=//p" "$units/$unit"; }
case "$command" in
  daemon-reload) ;;
  enable) touch "$state/$unit.enabled" ;;
  disable) rm -f "$state/$unit.enabled" ;;
  is-active) running ;;
  start)
    running && exit 0
    exec_start=$(value ExecStart); workdir=$(value WorkingDirectory)
    mapfile -t environment < <(value Environment)
    cd "$workdir"
    env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 HOME="$workdir" "${environment[@]}" \
      setsid "$exec_start" >> "$state/$unit.log" 2>&1 < /dev/null &
    echo $! > "$pidfile" ;;
  stop)
    if running; then
      pid=$(cat "$pidfile")
      kill -TERM "$pid"
      for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$pidfile" ;;
  *) echo "fake systemctl: '$command' is not supported" >&2; exit 1 ;;
esac
