#!/usr/bin/env bash
# Installs the IJava 1.3.0 Jupyter kernel as the kernel named "java", set up for this project's
# notebooks: the kernel JVM runs headless (charts render without a display) with a heap cap, and
# its class path holds the notebooks' jar folder (notebooks/lib). Used by binder/postBuild on
# Binder and by hand on a machine that already has Jupyter.
#
# Usage: bash binder/install-kernel.sh
#
# Environment:
#   IJAVA_ZIP         an already-downloaded ijava-1.3.0.zip (offline and classroom installs)
#   IJAVA_URL         where to download the zip from otherwise (default: the GitHub release)
#   JUPYTER_DATA_DIR  Jupyter's data folder; the kernel goes to $JUPYTER_DATA_DIR/kernels/java
#                     (default: the current user's Jupyter data folder, or the environment's on Binder)
#   KERNEL_HEAP       the kernel JVM's -Xmx (default 1g: with Jupyter's server this stays under Binder's 2 GB)
#
# Running it again with the same settings changes nothing.
set -euo pipefail

IJAVA_VERSION=1.3.0
IJAVA_URL=${IJAVA_URL:-https://github.com/SpencerPark/IJava/releases/download/v${IJAVA_VERSION}/ijava-${IJAVA_VERSION}.zip}
KERNEL_HEAP=${KERNEL_HEAP:-1g}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jars="$repo/notebooks/lib"

fail() {
  echo "install-kernel: $*" >&2
  exit 1
}

command -v python3 >/dev/null 2>&1 || fail "python3 is needed (it comes with Jupyter)"

if [ -n "${JUPYTER_DATA_DIR:-}" ]; then
  data_dir=$JUPYTER_DATA_DIR
elif [ -n "${NB_PYTHON_PREFIX:-}" ]; then
  # Binder (repo2docker): install into the environment that runs the notebook server
  data_dir="$NB_PYTHON_PREFIX/share/jupyter"
elif command -v jupyter >/dev/null 2>&1; then
  data_dir=$(jupyter --data-dir)
else
  data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/jupyter"
fi
kernel_dir="$data_dir/kernels/java"

java_bin=$(command -v java || true)
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java_bin="$JAVA_HOME/bin/java"
[ -n "$java_bin" ] || fail "no java found: install a JDK 17 or set JAVA_HOME"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "${IJAVA_ZIP:-}" ]; then
  [ -f "$IJAVA_ZIP" ] || fail "IJAVA_ZIP=$IJAVA_ZIP is not a file"
  zip="$IJAVA_ZIP"
else
  zip="$work/ijava-$IJAVA_VERSION.zip"
  echo "Downloading IJava $IJAVA_VERSION from $IJAVA_URL"
  if ! python3 - "$IJAVA_URL" "$zip" <<'PY'
import sys, urllib.request
urllib.request.urlretrieve(sys.argv[1], sys.argv[2])
PY
  then
    fail "could not download $IJAVA_URL; download it elsewhere and run again with IJAVA_ZIP=/path/to/ijava-$IJAVA_VERSION.zip"
  fi
fi

# Check the release layout (install.py, java/kernel.json, java/ijava-1.3.0.jar) and unpack the jar.
if ! python3 - "$zip" "$work/ijava.jar" "$IJAVA_VERSION" <<'PY'
import sys, zipfile
path, out, version = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    z = zipfile.ZipFile(path)
except (zipfile.BadZipFile, OSError) as e:
    sys.exit(f"{path} is not a zip file: {e}")
names = set(z.namelist())
need = ["install.py", "java/kernel.json", f"java/ijava-{version}.jar"]
missing = [n for n in need if n not in names]
if missing:
    sys.exit(f"{path} does not have the IJava {version} release layout: missing {', '.join(missing)}")
with z.open(f"java/ijava-{version}.jar") as src, open(out, "wb") as dst:
    dst.write(src.read())
PY
then
  fail "refusing $zip (nothing was installed)"
fi

# The kernel spec: IJava's own settings (name java, interrupt by message) plus ours.
mkdir -p "$work/java"
cp "$work/ijava.jar" "$work/java/ijava-$IJAVA_VERSION.jar"
python3 - "$work/java/kernel.json" "$java_bin" "$KERNEL_HEAP" "$kernel_dir/ijava-$IJAVA_VERSION.jar" "$jars" <<'PY'
import json, sys
out, java, heap, jar, jars = sys.argv[1:]
spec = {
    "argv": [java, "-Djava.awt.headless=true", f"-Xmx{heap}", "-jar", jar, "{connection_file}"],
    "display_name": "Java",
    "language": "java",
    "interrupt_mode": "message",
    "env": {"IJAVA_CLASSPATH": f"{jars}/*.jar"},
}
with open(out, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
PY

if [ -d "$kernel_dir" ] && cmp -s "$work/java/kernel.json" "$kernel_dir/kernel.json" \
    && cmp -s "$work/java/ijava-$IJAVA_VERSION.jar" "$kernel_dir/ijava-$IJAVA_VERSION.jar"; then
  echo "IJava $IJAVA_VERSION is already installed in $kernel_dir; nothing changed"
  exit 0
fi

mkdir -p "$data_dir/kernels"
rm -rf "$kernel_dir.new"
cp -r "$work/java" "$kernel_dir.new"
rm -rf "$kernel_dir"
mv "$kernel_dir.new" "$kernel_dir"
echo "Installed IJava $IJAVA_VERSION as kernel 'java' in $kernel_dir"
[ -d "$jars" ] || echo "Note: $jars does not exist yet; build it with ./mvnw -B -pl notebooks -am package -DskipTests"
