#!/usr/bin/env bash
# Replaces identical files of at least 64 KB under a folder by hard links to one copy, so tar stores each once
# (a driver package carries its own copy of libraries the gateway also ships, OpenCV's native library among them).
set -euo pipefail
declare -A first
while IFS= read -r -d '' f; do
  sum=$(sha256sum "$f" | cut -d' ' -f1)
  if [ -n "${first[$sum]:-}" ]; then ln -f "${first[$sum]}" "$f"; else first[$sum]=$f; fi
done < <(find "${1:?folder}" -type f -size +63k -print0 | sort -z)
