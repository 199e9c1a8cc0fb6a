#!/usr/bin/env bash
# Builds the offline install packages of the gateway: a self-contained publish (no .NET needed on the booth PC) of the
# gateway and gatewayctl with the built-in driver packages, the default configuration, the install scripts, a VERSION
# stamp and THIRD-PARTY-NOTICES.txt generated from the packages actually published.
#
#   packaging/build-packages.sh [--version V] [--out DIR] [--rid linux-x64|win-x64|all] [--no-ready-to-run]
#
# Output: DIR/border-gateway-V-linux-x64.tar.gz and DIR/border-gateway-V-win-x64.zip (default DIR: artifacts/packages).
# The sources are copied to a scratch folder first, so a build never touches the bin/ and obj/ folders of the tree.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
here="$repo/packaging"
version="" out="$repo/artifacts/packages" rid=all r2r=true
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=${2:?--version needs a value}; shift 2 ;;
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    --rid) rid=${2:?--rid needs linux-x64, win-x64 or all}; shift 2 ;;
    --no-ready-to-run) r2r=false; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-packages.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$version" ]; then
  version="0.0.0-dev.$(git -C "$repo" rev-parse --short=8 HEAD 2>/dev/null || echo local)"
fi
# The version names folders and files on the booth: a SemVer 2.0 string, nothing else.
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "build-packages.sh: --version '$version' is not a version like 1.4.0 or 1.4.0-rc.1" >&2; exit 2
fi
case "$rid" in
  all) rids=(linux-x64 win-x64) ;;
  linux-x64|win-x64) rids=("$rid") ;;
  *) echo "build-packages.sh: --rid must be linux-x64, win-x64 or all, not '$rid'" >&2; exit 2 ;;
esac
for tool in dotnet jq tar gzip zip; do
  command -v "$tool" >/dev/null || { echo "build-packages.sh: '$tool' is needed (Debian package: ${tool/dotnet/the .NET SDK})" >&2; exit 2; }
done
mkdir -p "$out"; out=$(cd "$out" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/border-gateway-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "Copying the sources into $work/src"
mkdir -p "$work/src"
(cd "$repo" && tar -cf - --exclude=bin --exclude=obj --exclude=node_modules \
   Directory.Build.props Directory.Packages.props global.json .editorconfig proto gateway drivers) | tar -C "$work/src" -xf -

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
for r in "${rids[@]}"; do
  name="border-gateway-$version-$r"
  stage="$work/stage/$name"
  app="$stage/app"
  mkdir -p "$stage"
  for project in Gateway.Host Gateway.Cli; do
    echo "Publishing $project for $r (version $version, ReadyToRun $r2r)"
    # gatewayctl references driver projects (serial, PC/SC) for their code; each brings its driver.json, which
    # gatewayctl never reads: the duplicate is allowed there, nowhere else.
    duplicates=true
    [ "$project" = Gateway.Cli ] && duplicates=false
    dotnet publish "$work/src/gateway/$project" -c Release -r "$r" --self-contained true -nologo -v quiet \
      -p:Version="$version" -p:PublishReadyToRun="$r2r" -p:ErrorOnDuplicatePublishOutputFiles=$duplicates \
      -o "$work/publish/$r/$project"
  done

  # gatewayctl has a folder of its own inside the gateway's: each program keeps the library versions it was built with
  # (the gateway takes some from ASP.NET Core, gatewayctl from NuGet). Files both ship are stored once in the tarball.
  cp -a "$work/publish/$r/Gateway.Host" "$app"
  cp -a "$work/publish/$r/Gateway.Cli" "$app/cli"
  [ -d "$app/drivers" ] && [ -n "$(ls -A "$app/drivers")" ] || { echo "build-packages.sh: no driver packages in the publish output" >&2; exit 1; }
  # Driver packages are portable (runtimes/<rid>/ for every OS): keep only the target OS's native assets.
  case "$r" in
    linux-x64) keep=" linux-x64 linux unix " ;;
    win-x64) keep=" win-x64 win " ;;
  esac
  for d in "$app"/drivers/*/runtimes/*/; do
    case "$keep" in *" $(basename "$d") "*) ;; *) rm -rf "$d" ;; esac
  done
  # Drop IIS's web.config (the gateway runs as a service, never under IIS), native libraries' debug symbols (SkiaSharp's
  # are 100 MB) and the XML documentation of assemblies.
  rm -f "$app/web.config"
  find "$app" -path '*/runtimes/*' -name '*.pdb' -delete
  find "$app" -name '*.xml' -print0 | while IFS= read -r -d '' xml; do
    if [ -f "${xml%.xml}.dll" ]; then rm -f "$xml"; fi
  done

  echo "$version" > "$stage/VERSION"
  "$here/third-party-notices.sh" "$app" "$r" > "$stage/THIRD-PARTY-NOTICES.txt"
  case "$r" in
    linux-*)
      cp "$here/linux/install.sh" "$here/linux/uninstall.sh" "$here/linux/border-gateway.service" "$stage/"
      chmod 0755 "$stage/install.sh" "$stage/uninstall.sh" "$app/Gateway.Host" "$app/cli/gatewayctl"
      ln -s cli/gatewayctl "$app/gatewayctl"
      # Identical files (a driver's copy of a library the gateway also ships) are stored once in the tarball.
      "$here/hardlink-duplicates.sh" "$stage"
      tar -C "$work/stage" -czf "$out/$name.tar.gz" "$name"
      echo "Built $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1))" ;;
    win-*)
      cp "$here/windows/install.ps1" "$here/windows/uninstall.ps1" "$stage/"
      rm -f "$out/$name.zip"
      (cd "$work/stage" && zip -qr "$out/$name.zip" "$name")
      echo "Built $out/$name.zip ($(du -h "$out/$name.zip" | cut -f1))" ;;
  esac
done
