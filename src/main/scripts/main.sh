#!/usr/bin/env bash
# README command one: builds everything and executes every notebook in place.
#
#   bash src/main/scripts/main.sh
#
# On Debian 12 with a JDK 17 and Maven, as root (or a user with password-less sudo; otherwise it
# says what to install): installs Jupyter and the data set from Debian if missing, builds
# target/dropout-steps.jar, makes sure a Jupyter kernel `java` exists (install-kernel.sh), and runs
# notebooks/*.ipynb, writing the executed notebooks over the originals (they are the product; one
# whose run fails is left as it was), their HTML copies to target/notebooks/ and their charts to
# target/notebooks/charts/. Needs no standard input.
set -euo pipefail
exec </dev/null
# shellcheck source=src/main/scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

step "Debian packages"
ensure_debian_packages
step "JDK and Maven"
check_jdk_and_maven
step "Build: mvn -B -q -DskipTests package"
mvn -B -q -Dstyle.color=never -DskipTests package
[ -f target/dropout-steps.jar ] || die "the build did not produce target/dropout-steps.jar"
step "Jupyter kernel 'java'"
install_kernel
step "Notebooks: executed in place; HTML and charts in target/notebooks/"
run_notebooks --in-place --html target/notebooks --charts target/notebooks/charts
