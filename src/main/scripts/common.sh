# shellcheck shell=bash
# Sourced by main.sh and test.sh: the set-up steps both need. Expects `set -euo pipefail`.
#
# Environment: PYTHON (default /usr/bin/python3: Debian's, which has Jupyter's packages).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
SCRIPTS="$ROOT/src/main/scripts"
PYTHON="${PYTHON:-/usr/bin/python3}"
export PYTHON

# Jupyter (notebook server, nbconvert, nbclient, nbformat) and the data set, from Debian.
DEBIAN_PACKAGES=(jupyter-notebook jupyter-nbconvert python3-nbclient python3-nbformat dataset-fashion-mnist)

step() { printf '\n==> %s\n' "$*"; }
say()  { printf '    %s\n' "$*"; }
die()  { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly, or through sudo when sudo works without a password.
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    return 1
  fi
}

can_be_root() { [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; }

ensure_debian_packages() {
  if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
    say "no dpkg/apt-get here (not Debian?): not installing packages, checking $PYTHON instead"
    "$PYTHON" -c 'import nbclient, nbformat, nbconvert, jupyter_client' 2>/dev/null \
      || die "$PYTHON cannot import nbclient, nbformat, nbconvert and jupyter_client. On Debian/Ubuntu:" \
             "apt-get install ${DEBIAN_PACKAGES[*]}; with conda: conda env create -f environment.yml," \
             "conda activate dropout-steps, and run with PYTHON=python."
    return 0
  fi
  local missing=() p
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "already installed: ${DEBIAN_PACKAGES[*]}"
    return 0
  fi
  can_be_root || die "missing Debian packages: ${missing[*]}. Install them as root:" \
                     "apt-get update && apt-get install -y ${missing[*]}"
  say "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q \
    || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" \
    || die "apt-get install ${missing[*]} failed"
}

# A JDK >= 17 and Maven are the two things the README asks for before anything else.
check_jdk_and_maven() {
  if ! command -v java >/dev/null || ! command -v javac >/dev/null; then
    die "a JDK >= 17 is needed (java and javac on PATH). Debian: apt-get install openjdk-17-jdk-headless"
  fi
  local spec
  spec="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  case "$spec" in
    ''|1.*|9|1[0-6]) die "java on PATH is Java '${spec:-?}'; Java >= 17 is needed" ;;
  esac
  command -v mvn >/dev/null || die "Maven is needed (mvn on PATH). Debian: apt-get install maven"
  say "Java $spec ($(readlink -f "$(command -v java)")), $(mvn -v 2>/dev/null | sed -n '1s/\x1b\[[0-9;]*m//g;1p')"
}

install_kernel() {
  bash "$SCRIPTS/install-kernel.sh"
}

# notebook_runner.py execute with the given arguments (run from $ROOT: notebooks/*.ipynb by default).
run_notebooks() {
  (cd "$ROOT" && "$PYTHON" "$ROOT/src/main/python/notebook_runner.py" execute "$@")
}
