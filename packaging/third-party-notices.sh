#!/usr/bin/env bash
# Prints THIRD-PARTY-NOTICES.txt for a published program folder: every NuGet package (and .NET runtime pack) that the
# folder's *.deps.json files (gateway, gatewayctl, each driver package) resolve for the target OS, with the licence,
# project and copyright its own .nuspec declares; the components compiled into native libraries
# (bundled-components.tsv); the full text of each licence (licenses/); and the notices .NET ships with its runtime.
#
#   packaging/third-party-notices.sh APP_FOLDER RID
#
# Fails when a package's .nuspec cannot be found or its licence has no text in licenses/, so nothing ships unlisted.
set -euo pipefail
app=${1:?program folder}; rid=${2:?linux-x64 or win-x64}
here=$(cd "$(dirname "$0")" && pwd)
cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}
case "$rid" in linux-*) compatible='["any","unix","linux","linux-x64"]' ;; win-*) compatible='["any","win","win-x64"]' ;; esac

# "Id/Version" of every package with an asset for this OS (a package with only other OSes' assets ships nothing here).
mapfile -t packages < <(find "$app" -name '*.deps.json' -print0 | xargs -0 jq -r --argjson ok "$compatible" '
  . as $d | .libraries | to_entries[] | select(.value.type == "package" or .value.type == "runtimepack") | .key as $k
  | [$d.targets[][$k] | select(. != null)] as $t
  | select(($t | length) == 0 or any($t[]; (.runtime // .native // .resources) != null
      or ((.runtimeTargets // {}) | to_entries | any(.value.rid as $r | $ok | index($r)))))
  | $k | sub("^runtimepack\\."; "")' | sort -fu)

licences=() notices=()
echo "Border Booth Gateway: third-party components"
echo
echo "The gateway, gatewayctl and the built-in driver packages include the following components, each under its own"
echo "licence. The full licence texts follow the list."
for entry in "${packages[@]}"; do
  id=${entry%%/*}; version=${entry#*/}; lower=${id,,}
  folder="$cache/$lower/$version"
  nuspec="$folder/$lower.nuspec"
  [ -f "$nuspec" ] || { echo "third-party-notices.sh: no $nuspec for $id $version" >&2; exit 1; }
  field() { sed -n "s:.*<$1[^>]*>\([^<]*\)</$1>.*:\1:p" "$nuspec" | head -1; }
  licence=$(field license); url=$(field projectUrl); copyright=$(field copyright)
  if [ -z "$licence" ] || ! grep -q '<license type="expression">' "$nuspec"; then
    echo "third-party-notices.sh: $id $version declares no licence expression" >&2; exit 1
  fi
  echo
  echo "$id $version"
  echo "  Licence: $licence"
  [ -n "$url" ] && echo "  Project: $url"
  [ -n "$copyright" ] && echo "  ${copyright//©/(c)}"
  for l in ${licence//[()]/ }; do case "$l" in AND|OR|WITH) ;; *) licences+=("$l") ;; esac; done
  while IFS=$'\t' read -r pid component blicence source; do
    [ "${pid,,}" = "$lower" ] || continue
    echo "  Contains: $component; licence $blicence (source: $source)"
    licences+=("$blicence")
  done < <(grep -v '^#' "$here/bundled-components.tsv")
  for n in "$folder"/THIRD-PARTY-NOTICES.TXT "$folder"/THIRD-PARTY-NOTICES.txt; do
    if [ -f "$n" ]; then notices+=("$id|$n"); fi
  done
done

echo
echo "================================================================================"
echo "Licence texts"
for l in $(printf '%s\n' "${licences[@]}" | sort -u); do
  [ -f "$here/licenses/$l.txt" ] || { echo "third-party-notices.sh: no licence text licenses/$l.txt" >&2; exit 1; }
  echo
  echo "--------------------------------------------------------------------------------"
  echo "$l"
  echo "--------------------------------------------------------------------------------"
  cat "$here/licenses/$l.txt"
done
declare -A seen
for n in "${notices[@]}"; do
  id=${n%%|*}; file=${n#*|}; sum=$(sha256sum "$file" | cut -d' ' -f1)
  [ -n "${seen[$sum]:-}" ] && continue; seen[$sum]=1
  echo
  echo "================================================================================"
  echo "Notices shipped with $id"
  echo "================================================================================"
  tr -d '\r' < "$file"
done
