#!/usr/bin/env bash
# Makes sure Jupyter has a kernelspec named `java`, the kernel the notebooks declare.
#
#   bash src/main/scripts/install-kernel.sh [--user] [--prefix DIR] [--no-fix] [--name NAME]
#
# - A `java` kernelspec installed by someone else (IJava from conda-forge or from its release zip,
#   or any other) is used as it is.
# - Otherwise rapaio-jupyter-kernel 3.0.1 (Maven Central, one self-contained jar) is installed as
#   kernelspec `java`, with a hand-written kernel.json. As root it goes to
#   /usr/local/share/jupyter/kernels/java; otherwise (or with --user) to the user's kernel dir
#   (`jupyter_data_dir()/kernels/java`, normally ~/.local/share/jupyter/kernels/java);
#   --prefix DIR puts it in DIR/share/jupyter/kernels/java (DIR/share/jupyter must then be on
#   JUPYTER_PATH).
# - A `java` kernelspec that this script installed earlier is brought up to date (idempotent).
# - --no-fix leaves out the start-up fixes (rapaio-fix/LoopThread.java and rapaio-fix/Channels.java,
#   see there): the kernel is then upstream's jar alone, which misses its first request about 1 time
#   in 3 (more on a busy machine).
# - --name NAME (or KERNEL_NAME=NAME) installs the kernelspec under another name, wherever the rules
#   above say, to try a changed kernel beside the `java` one in use (notebook_runner.py --kernel NAME).
# - kernel.json's env pins OpenBLAS's matrix-product kernel (OPENBLAS_CORETYPE=Haswell, which every
#   x86-64 CPU with AVX2 runs): the committed notebooks' digits are that kernel's (README, "Same digits").
#
# Needs: a JDK >= 17 (java, javac; JAVA_HOME is honoured), Maven (to fetch the jar), and
# Jupyter's Python packages (PYTHON, default /usr/bin/python3). Reads nothing from stdin.
set -euo pipefail
exec </dev/null

RJK_VERSION=3.0.1
RJK_ARTIFACT="io.github.padreati:rapaio-jupyter-kernel:${RJK_VERSION}"
RJK_JAR="rapaio-jupyter-kernel-${RJK_VERSION}.jar"
# SHA-256 of the jar on Maven Central (checked 2026-11; Maven's own .sha1 agrees).
RJK_SHA256=cffac185dafff9a4d62ffdbeb357822b56931c41421c576314a84d3605addd09
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.6.1
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

say() { printf 'install-kernel: %s\n' "$*"; }
die() { printf 'install-kernel: ERROR: %s\n' "$*" >&2; exit 1; }

mode=auto prefix="" fix=1 name="${KERNEL_NAME:-java}"
while [ $# -gt 0 ]; do
  case "$1" in
    --user) mode=user ;;
    --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; mode=prefix; prefix="$2"; shift ;;
    --no-fix) fix=0 ;;
    --name) [ $# -ge 2 ] || die "--name needs a kernel name"; name="$2"; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
  shift
done
[[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] || die "kernel name '$name': use letters, digits, '.', '_' and '-' only"

PYTHON="${PYTHON:-/usr/bin/python3}"
[ -x "$PYTHON" ] || PYTHON="$(command -v python3 || true)"
[ -n "$PYTHON" ] || die "no python3 found; install Jupyter first (Debian: jupyter-notebook python3-nbclient)"
"$PYTHON" -c 'import jupyter_client, jupyter_core' 2>/dev/null \
  || die "$PYTHON cannot import jupyter_client; install Jupyter first (Debian: apt-get install jupyter-notebook python3-nbclient)"

# Prints "<resource dir>\t<installed-by or ->\t<display name>" for the kernelspec $name, nothing if
# there is none. kernel.json's metadata "dropout-steps"/"installed-by" marks a spec this script wrote.
find_java_spec() {
  "$PYTHON" - "$name" <<'EOF'
import sys
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
try:
    spec = KernelSpecManager(ensure_native_kernel=False).get_kernel_spec(sys.argv[1])
except NoSuchKernel:
    raise SystemExit(0)
ours = (spec.metadata or {}).get("dropout-steps", {}).get("installed-by")
print(f"{spec.resource_dir}\t{ours or '-'}\t{spec.display_name}")
EOF
}

existing="$(find_java_spec)"
target=""
if [ -n "$existing" ]; then
  IFS=$'\t' read -r existing_dir existing_marker existing_name <<<"$existing"
  if [ "$existing_marker" = "-" ]; then
    say "kernelspec '$name' already installed: $existing_dir ($existing_name); using it as it is."
    exit 0
  fi
  if [ ! -w "$existing_dir" ]; then
    say "kernelspec '$name' ($existing_name) at $existing_dir was installed by this script earlier;" \
        "not writable by $(id -un), so it is used as it is."
    exit 0
  fi
  say "kernelspec '$name' at $existing_dir was installed by this script earlier; bringing it up to date."
  target="$existing_dir"
fi

# --- the JDK the kernel runs on ------------------------------------------------------------------
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_bin="$JAVA_HOME/bin/java"
else
  java_bin="$(command -v java || true)"
  [ -n "$java_bin" ] || die "no java on PATH and no JAVA_HOME; install a JDK >= 17 (Debian: openjdk-17-jdk-headless)"
  java_bin="$(readlink -f "$java_bin")"
fi
java_spec="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
case "$java_spec" in
  ''|1.*|9|1[0-6]) die "$java_bin is Java '${java_spec:-?}'; the kernel needs a JDK >= 17" ;;
esac
"$java_bin" --list-modules 2>/dev/null | grep -q '^jdk\.jshell@' \
  || die "$java_bin has no jdk.jshell module: a JDK (not a JRE) >= 17 is needed"
javac_bin="$(dirname "$java_bin")/javac"
if [ "$fix" = 1 ] && [ ! -x "$javac_bin" ]; then die "no javac next to $java_bin; install a full JDK >= 17"; fi

# --- where it goes ---------------------------------------------------------------------------------
if [ -z "$target" ]; then
  case "$mode" in
    prefix) target="$prefix/share/jupyter/kernels/$name" ;;
    user) target="$("$PYTHON" -c 'from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())')/kernels/$name" ;;
    auto)
      if [ "$(id -u)" = 0 ]; then
        target="/usr/local/share/jupyter/kernels/$name"
      else
        target="$("$PYTHON" -c 'from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())')/kernels/$name"
      fi ;;
  esac
fi
say "installing rapaio-jupyter-kernel $RJK_VERSION as kernelspec '$name' in $target (JDK: $java_bin, Java $java_spec)"

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# --- the jar: Maven Central, checked against the pinned SHA-256 -------------------------------------
if [ -f "$target/$RJK_JAR" ] && [ "$(sha256_of "$target/$RJK_JAR")" = "$RJK_SHA256" ]; then
  say "$RJK_JAR already in place"
else
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch $RJK_ARTIFACT"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # Run outside any project, so that no pom.xml is read.
  if ! (cd "$work" && mvn -B -q -Dstyle.color=never "$DEPENDENCY_PLUGIN:copy" \
          -Dartifact="$RJK_ARTIFACT" -DoutputDirectory="$work/jar" >"$work/mvn.log" 2>&1); then
    cat "$work/mvn.log" >&2
    die "could not fetch $RJK_ARTIFACT from Maven Central (log above)"
  fi
  got="$(sha256_of "$work/jar/$RJK_JAR")"
  [ "$got" = "$RJK_SHA256" ] || die "$RJK_JAR has SHA-256 $got, expected $RJK_SHA256"
  mkdir -p "$target" || die "cannot create $target"
  install -m 0644 "$work/jar/$RJK_JAR" "$target/$RJK_JAR"
  say "fetched $RJK_JAR (SHA-256 verified)"
fi

# --- the start-up fixes: two of the jar's classes, rebuilt with one change each (see their headers) and
# put ahead of the jar on the class path. They are written against exactly the jar pinned above. ------
rm -rf "$target/fix"
if [ "$fix" = 1 ]; then
  "$javac_bin" --release 17 -nowarn -cp "$target/$RJK_JAR" -d "$target/fix" \
      "$SCRIPT_DIR/rapaio-fix/LoopThread.java" "$SCRIPT_DIR/rapaio-fix/Channels.java" \
    || die "could not compile $SCRIPT_DIR/rapaio-fix/*.java against $RJK_JAR"
  classpath="$target/fix:$target/$RJK_JAR"
else
  classpath="$target/$RJK_JAR"
fi

# --- kernel.json -----------------------------------------------------------------------------------
# argv: the JDK found above, by absolute path (a Jupyter started from a desktop menu may have another
# PATH); headless AWT (charts are rendered to images, never to a screen); an English locale, so that
# String.format prints 0.8494 and not 0,8494 on a machine set to German or French (same numbers
# everywhere); the jar's main class.
# env: RJK_* are the kernel's own settings, with the values its installer writes; OMP_NUM_THREADS=1
# because ND4J's OpenMP threads and OpenBLAS's spin against each other (2.5-3x slower on 2 cores);
# OPENBLAS_CORETYPE: the matrix-product kernel the committed notebooks were executed with (Jupyter puts
# kernel.json's env over the environment it was started in, so a different value there cannot change
# the digits; the library itself warns, in one line, when products still round differently).
# interrupt_mode "message": a signal would end the JVM, an interrupt_request only the cell.
"$PYTHON" - "$target" "$java_bin" "$classpath" "$RJK_VERSION" "$fix" "$name" <<'EOF'
import json, os, sys
target, java_bin, classpath, version, fix, name = sys.argv[1:]
spec = {
    "argv": [java_bin, "-Djava.awt.headless=true", "-Duser.language=en", "-Duser.country=US", "-cp", classpath,
             "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"],
    "display_name": f"Java (rapaio-jupyter-kernel {version})" + ("" if name == "java" else f" [{name}]"),
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        "RJK_CLASSPATH": "",
        "RJK_COMPILER_OPTIONS": "",
        "RJK_INIT_SCRIPT": "",
        "RJK_TIMEOUT_MILLIS": "-1",
        "RJK_MIMA_CACHE": "mima_cache",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_CORETYPE": "Haswell",
    },
    "metadata": {"dropout-steps": {
        "installed-by": "src/main/scripts/install-kernel.sh",
        "kernel": f"io.github.padreati:rapaio-jupyter-kernel:{version}",
        "startup-fix": fix == "1",
    }},
}
tmp = os.path.join(target, "kernel.json.tmp")
with open(tmp, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
os.replace(tmp, os.path.join(target, "kernel.json"))
EOF
chmod -R a+rX "$target"

# --- did Jupyter see it? ---------------------------------------------------------------------------
now="$(find_java_spec)"
IFS=$'\t' read -r now_dir _ now_name <<<"${now:-$'\t\t'}"
if [ "$(readlink -f "${now_dir:-/nonexistent}")" != "$(readlink -f "$target")" ]; then
  die "installed in $target, but Jupyter's kernelspec '$name' is '${now_dir:-none}'" \
      "(with --prefix, put $prefix/share/jupyter on JUPYTER_PATH)"
fi
say "kernelspec '$name' ready: $now_dir ($now_name)"
