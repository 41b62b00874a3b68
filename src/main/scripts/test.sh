#!/usr/bin/env bash
# README command two (and what CI runs, through .ci/run): every test there is.
#
#   bash src/main/scripts/test.sh
#
# The same set-up as main.sh (Debian packages if missing, JDK/Maven check, kernel `java`), then
#   1. mvn -B verify: the Java unit tests (Surefire's summary is repeated at the end of the step);
#   2. every platform's dependency set (ND4J natives for Linux, macOS, Windows; x86-64 and ARM)
#      resolves: graph and POMs, and HEAD requests for the native jars (check_platforms.py);
#   3. the Python unit tests (runner, platform check, and that the committed notebooks carry no
#      absolute paths or terminal codes);
#   4. the installed kernel answers its first request, 30 starts of 30 (test_kernel_start.py);
#   5. every notebook executed into target/executed/ (the committed notebooks are not touched),
#      with HTML copies and charts, and checked: no error or stderr output, at least one chart,
#      the numeric bands in notebooks/expected.json, and (--reproduce) the same printed numbers as
#      the committed executed notebooks: same seed, same numbers.
# Exit status 0 only if all of it passed. Needs no standard input.
set -euo pipefail
exec </dev/null
# shellcheck source=src/main/scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

step "Debian packages"
ensure_debian_packages
step "JDK and Maven"
check_jdk_and_maven

step "Java unit tests: mvn -B verify"
mkdir -p target
log=target/mvn-verify.log
status=0
mvn -B -ntp -Dstyle.color=never verify 2>&1 | tee "$log" || status=$?
summary="$(sed 's/\x1b\[[0-9;]*m//g' "$log" \
  | grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' \
  | tail -n 1 | sed 's/^\[[A-Z]*\] //' || true)"
printf '\n'
say "Surefire, all Java tests: ${summary:-no test summary found in $log}"
[ "$status" = 0 ] || die "mvn -B verify failed (exit $status); full log: $log"
[ -f target/dropout-steps.jar ] || die "mvn verify did not produce target/dropout-steps.jar"

step "Every platform's dependency set resolves (src/main/python/check_platforms.py)"
"$PYTHON" src/main/python/check_platforms.py

step "Python unit tests: $PYTHON -m unittest (src/test/python)"
PYTHONDONTWRITEBYTECODE=1 "$PYTHON" -m unittest discover -s src/test/python -t src/test/python

step "Jupyter kernel 'java'"
install_kernel

step "Kernel 'java' answers its first request (30 starts, as Jupyter Notebook starts it)"
KERNEL_START_TEST=java PYTHONDONTWRITEBYTECODE=1 "$PYTHON" -m unittest discover -s src/test/python \
  -t src/test/python -p test_kernel_start.py

step "Notebooks: executed into target/executed/, checked against notebooks/expected.json"
run_notebooks --out target/executed --check notebooks/expected.json --reproduce
