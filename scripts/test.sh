#!/usr/bin/env bash
# Runs every test of Gateway.sln on a Debian machine that has only the .NET SDK:
# installs the Debian packages the tests need when they are missing, restores, builds and tests,
# then prints "N passed, N failed" and exits non-zero when anything failed or did not build.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests use (real components, started for real).
#   socat: virtual serial-port pairs for the serial reader tests; libgtk-3-0: needed by OpenCV's native library;
#   opencv-data: the Haar cascades of the camera driver's face detection (/usr/share/opencv4/haarcascades);
#   fonts-ocr-b: the OCR-B font the MRZ OCR tests render their pages and camera frames in.
#   libfprint-2-2: the libfprint fingerprint driver and its virtual_image test device (FP_VIRTUAL_IMAGE).
#   libsane1, sane-utils: the SANE scanner driver (libsane.so.1) and SANE's `test` backend its tests scan from.
#   pcscd, vsmartcard-vpcd: PC/SC (libpcsclite.so.1 and the daemon) and the virtual reader the ePassport chip tests insert
#     the virtual chip into; the tests start and stop their own pcscd (or use one already running).
#   chromium: the browser the diagnostics page is tested in (headless, driven by Playwright, which never downloads one).
#   jq, zip: packaging/build-packages.sh, which the packaging tests run (package lists from *.deps.json; the Windows zip);
#     systemd: systemd-analyze, which checks the installed unit file.
packages=(socat libgtk-3-0 opencv-data fonts-ocr-b libfprint-2-2 libsane1 sane-utils pcscd vsmartcard-vpcd chromium jq zip systemd)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# The portrait tests' face images: python3-skimage's test images (astronaut.png, NASA, public domain; camera.png,
# chelsea.png, coffee.png, CC0), unpacked with dpkg -x without the package's Python dependencies.
skimage="${TMPDIR:-/tmp}/gateway-test-packages/python3-skimage"
export GATEWAY_SKIMAGE_DATA="$skimage/usr/lib/python3/dist-packages/skimage/data"
if [ ! -f "$GATEWAY_SKIMAGE_DATA/astronaut.png" ]; then
  echo "Unpacking python3-skimage's test images into $skimage"
  mkdir -p "$skimage" && rm -f "$skimage"/python3-skimage_*.deb
  (cd "$skimage" && { apt-get download python3-skimage >/dev/null 2>&1 || { apt-get update -qq && apt-get download python3-skimage >/dev/null 2>&1; }; }) \
    && dpkg -x "$skimage"/python3-skimage_*.deb "$skimage" \
    || { echo "could not unpack python3-skimage"; echo "0 passed, 1 failed"; exit 1; }
fi

# The Node booth client (tests/node-client) needs node and npm; Debian's nodejs is enough.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Installing Debian packages: nodejs npm"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null \
    || { echo "could not install nodejs npm"; echo "0 passed, 1 failed"; exit 1; }
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Build once, quietly (errors only), so the test output stays short enough to read at a glance.
echo "Building Gateway.sln (Release)..."
if ! dotnet build Gateway.sln -c Release -nologo -v q -clp:ErrorsOnly >"$log" 2>&1; then
  cat "$log"
  echo "the build failed"; echo "0 passed, 1 failed"; exit 1
fi

# The README's run commands build the gateway and gatewayctl in Debug, where the compiler checks a few things Release
# does not (every local of an async method is kept across its awaits): they must build too.
echo "Building the gateway and gatewayctl (Debug, as the README runs them)..."
for project in gateway/Gateway.Host gateway/Gateway.Cli; do
  if ! dotnet build "$project" -nologo -v q -clp:ErrorsOnly >"$log" 2>&1; then
    cat "$log"
    echo "the Debug build of $project failed"; echo "0 passed, 1 failed"; exit 1
  fi
done

# A test that runs longer than 10 minutes is taken as hung: its test host is stopped and the test named in the output
# (--blame-hang), so a hang fails the run with a name instead of running into CI's time limit. The whole run is bounded
# too. Output goes to a file, not a pipe: a process a test left behind can then never hold the run open.
timeout -k 1m 60m dotnet test Gateway.sln -c Release --no-build --nologo \
  --blame-hang-timeout 10m --blame-hang-dump-type none >"$log" 2>&1 &
testpid=$!
tail -n +1 -f --pid="$testpid" "$log" &
tailpid=$!
wait "$testpid"; status=$?
wait "$tailpid" 2>/dev/null
[ "$status" -eq 124 ] && echo "dotnet test did not finish within 60 minutes and was stopped."

# A booth client outside .NET: the contract in proto/ alone drives a traveller session against the built gateway.
echo "Node booth client (tests/node-client):"
nodelog=$(mktemp)
trap 'rm -f "$log" "$nodelog"' EXIT
if (cd tests/node-client && npm ci --no-audit --no-fund >/dev/null 2>&1); then
  (cd tests/node-client && node --test --test-reporter=tap) >"$nodelog" 2>&1
  nodestatus=$?
  grep -E "^(not )?ok |^# (pass|fail)" "$nodelog"
  [ "$nodestatus" -ne 0 ] && cat "$nodelog"
else
  echo "# fail 1  (npm ci failed in tests/node-client)" >"$nodelog"; nodestatus=1
  cat "$nodelog"
fi

# Each test project ends with "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed!  - ...").
passed=0; failed=0
while read -r f p; do
  passed=$((passed + p)); failed=$((failed + f))
done < <(sed -n 's/^\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\),.*/\2 \3/p' "$log")
# The Node test runner ends with "# pass P" and "# fail F"; a run that failed without saying so counts as one failure.
nodepassed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$nodelog" | awk '{s+=$1} END {print s+0}')
nodefailed=$(sed -n 's/^# fail \([0-9]*\).*$/\1/p' "$nodelog" | awk '{s+=$1} END {print s+0}')
[ "$nodestatus" -ne 0 ] && [ "$nodefailed" -eq 0 ] && nodefailed=1
passed=$((passed + nodepassed)); failed=$((failed + nodefailed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status (a build error or a test host crash); counted as a failure."
  failed=$((failed + 1))
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "No test ran; counted as a failure."
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
