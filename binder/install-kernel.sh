#!/usr/bin/env bash
# Installs the IJava 1.3.0 Jupyter kernel as the kernel named "java", set up for this project's
# notebooks: the kernel JVM runs headless (charts render without a display) with a heap cap, and
# its class path holds the notebooks' jar folder (notebooks/lib). Used by binder/postBuild on
# Binder and by hand on a Linux or macOS machine that already has Jupyter.
#
# Usage: bash binder/install-kernel.sh
#
# Environment:
#   IJAVA_ZIP         an already-downloaded ijava-1.3.0.zip (offline and classroom installs)
#   IJAVA_URL         where to download the zip from otherwise (default: the GitHub release)
#   JUPYTER_DATA_DIR  Jupyter's data folder; the kernel goes to $JUPYTER_DATA_DIR/kernels/java
#                     (default: the environment's on Binder, otherwise the current user's)
#   KERNEL_HEAP       the kernel JVM's -Xmx (default 1g: with Jupyter's server this stays under
#                     mybinder.org's 2 GB)
#   NOTEBOOK_JARS     the jar folder to put on the kernel's class path (default: notebooks/lib of
#                     this checkout); set it empty to leave the kernel's class path alone
#
# It writes the kernel spec itself rather than running IJava's install.py, which needs the
# jupyter_client package. Running it again with the same settings changes nothing.
set -euo pipefail

IJAVA_VERSION=1.3.0
IJAVA_URL=${IJAVA_URL:-https://github.com/SpencerPark/IJava/releases/download/v${IJAVA_VERSION}/ijava-${IJAVA_VERSION}.zip}
KERNEL_HEAP=${KERNEL_HEAP:-1g}
JAVA_RELEASE=17

fail() {
  echo "install-kernel: $*" >&2
  exit 1
}

case "${1:-}" in
  "") ;;
  -h | --help)
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
    exit 0
    ;;
  *) fail "unknown argument '$1' (settings are environment variables; see --help)" ;;
esac

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
jars=${NOTEBOOK_JARS-$repo/notebooks/lib}

command -v python3 >/dev/null 2>&1 || fail "python3 is needed (it comes with Jupyter)"

[[ $KERNEL_HEAP =~ ^[0-9]+[kKmMgG]?$ ]] \
  || fail "KERNEL_HEAP=$KERNEL_HEAP is not a heap size such as 1g or 768m"

classpath=""
if [ -n "$jars" ]; then
  # IJava resolves its class path when the kernel starts, and a missing folder stops the kernel
  # from starting at all, so the folder must be there now.
  compgen -G "$jars/backprop-*.jar" >/dev/null \
    || fail "$jars does not hold the library jar yet; build it first with
  ./mvnw -B -ntp -pl notebooks -am package -DskipTests
(or set NOTEBOOK_JARS= to install the kernel without the notebooks' jars on its class path)"
  jars=$(cd "$jars" && pwd -P)
  case "$jars" in
    *:* | *\** | *\?*) fail "the jar folder $jars contains ':', '*' or '?', which IJava's class path setting reads as a separator or a pattern" ;;
  esac
  # Name each jar exactly as a notebook's first cell, %jars lib/*.jar, names it in a kernel
  # started in notebooks/: basekernel's glob turns lib/*.jar into ./lib/x.jar, which becomes
  # <physical path of notebooks>/./lib/x.jar. With the same paths JShell's class loader holds
  # each jar once instead of twice (KernelStartTest checks this).
  classpath="$(dirname "$jars")/./$(basename "$jars")/*.jar"
fi

if [ -n "${JUPYTER_DATA_DIR:-}" ]; then
  data_dir=$JUPYTER_DATA_DIR
elif [ -n "${NB_PYTHON_PREFIX:-}" ]; then
  # Binder (repo2docker): the environment that runs the notebook server, like install.py --sys-prefix
  data_dir="$NB_PYTHON_PREFIX/share/jupyter"
elif command -v jupyter >/dev/null 2>&1; then
  data_dir=$(jupyter --data-dir)
else
  data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/jupyter"
  echo "Note: no jupyter on PATH; installing into $data_dir (set JUPYTER_DATA_DIR to choose another folder)"
fi
kernel_dir="$data_dir/kernels/java"

java_bin=$(command -v java || true)
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_bin="$JAVA_HOME/bin/java"
fi
[ -n "$java_bin" ] || fail "no java found: install a JDK $JAVA_RELEASE or set JAVA_HOME"
release=$({ "$java_bin" -XshowSettings:properties -version 2>&1 || true; } \
  | sed -n 's/^ *java\.specification\.version = //p')
case "$release" in
  1.* | "") major=0 ;;
  *) major=${release%%.*} ;;
esac
[ "$major" -ge "$JAVA_RELEASE" ] \
  || fail "$java_bin is Java ${release:-of unknown version}; the library needs Java $JAVA_RELEASE or newer (set JAVA_HOME to a JDK $JAVA_RELEASE)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "${IJAVA_ZIP:-}" ]; then
  [ -f "$IJAVA_ZIP" ] || fail "IJAVA_ZIP=$IJAVA_ZIP is not a file"
  zip="$IJAVA_ZIP"
else
  zip="$work/ijava-$IJAVA_VERSION.zip"
  echo "Downloading IJava $IJAVA_VERSION from $IJAVA_URL"
  if ! python3 - "$IJAVA_URL" "$zip" <<'PY'
import shutil, sys, urllib.request
url, out = sys.argv[1], sys.argv[2]
try:
    with urllib.request.urlopen(url, timeout=60) as src, open(out, "wb") as dst:
        shutil.copyfileobj(src, dst)
except Exception as e:
    sys.exit(f"install-kernel: {e}")
PY
  then
    fail "could not download $IJAVA_URL; download it elsewhere and run again with IJAVA_ZIP=/path/to/ijava-$IJAVA_VERSION.zip"
  fi
fi

# Check the release layout (install.py, java/kernel.json, java/ijava-1.3.0.jar) and unpack its
# java/ folder: the kernel directory IJava's install.py would copy (jar and dependency licences).
if ! python3 - "$zip" "$work" "$IJAVA_VERSION" <<'PY'
import sys, zipfile
path, out, version = sys.argv[1:]
try:
    z = zipfile.ZipFile(path)
except (zipfile.BadZipFile, OSError) as e:
    sys.exit(f"install-kernel: {path} is not a zip file: {e}")
names = set(z.namelist())
need = ["install.py", "java/kernel.json", f"java/ijava-{version}.jar"]
missing = [n for n in need if n not in names]
if missing:
    sys.exit(f"install-kernel: {path} does not have the IJava {version} release layout: missing {', '.join(missing)}")
# extractall drops absolute paths and '..' parts, so nothing lands outside out
z.extractall(out, [n for n in z.namelist() if n.startswith("java/")])
PY
then
  fail "refusing $zip (nothing was installed)"
fi

# The kernel spec: IJava's own (name java, interrupt by message) plus our JVM flags and class path.
python3 - "$work/java/kernel.json" "$java_bin" "$KERNEL_HEAP" "$kernel_dir/ijava-$IJAVA_VERSION.jar" "$classpath" <<'PY'
import json, sys
out, java, heap, jar, classpath = sys.argv[1:]
spec = {
    "argv": [java, "-Djava.awt.headless=true", f"-Xmx{heap}", "-jar", jar, "{connection_file}"],
    "display_name": "Java",
    "language": "java",
    "interrupt_mode": "message",
    "env": {"IJAVA_CLASSPATH": classpath} if classpath else {},
}
with open(out, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
PY

if [ -d "$kernel_dir" ] && diff -r -q "$work/java" "$kernel_dir" >/dev/null 2>&1; then
  echo "IJava $IJAVA_VERSION is already installed in $kernel_dir; nothing changed"
  exit 0
fi

[ -d "$kernel_dir" ] && echo "Replacing the kernel spec in $kernel_dir"
mkdir -p "$data_dir/kernels"
rm -rf "$kernel_dir.new"
cp -R "$work/java" "$kernel_dir.new"
rm -rf "$kernel_dir"
mv "$kernel_dir.new" "$kernel_dir"
echo "Installed IJava $IJAVA_VERSION as kernel 'java' in $kernel_dir"
if [ -n "$classpath" ]; then
  echo "Its class path is $classpath; if you move or delete that folder, run this script again."
fi
