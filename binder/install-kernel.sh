#!/usr/bin/env bash
# Installs a Java Jupyter kernel set up for this project's notebooks: the kernel JVM runs headless
# (charts render without a display) with a heap cap and the JVM options you choose, and its class
# path holds the notebooks' jar folder (notebooks/lib). Used by binder/postBuild on Binder and by
# hand on a Linux or macOS machine that already has Jupyter.
#
# Two kernels, both named "java"; the tutorials run unchanged in either:
#   IJava 1.3.0 (default)  downloads IJava's release zip and installs it as kernel "java"
#   JJava (--jjava)        configures a JJava installed beforehand with: python3 -m pip install jjava
#                          (JJava is IJava's maintained successor; pip puts its kernel "java" into
#                          Python's environment, <prefix>/share/jupyter/kernels/java). This script
#                          then writes the JVM options and the class path into that kernel.json's
#                          env: JJAVA_JVM_OPTS (read by JJava's launcher) and JJAVA_CLASSPATH.
#
# Usage: bash binder/install-kernel.sh [--jjava] [--heap SIZE] [--vector-api] [--jvm-option OPTION]...
#
# Options (each has an environment variable; an option wins over its variable):
#   --heap SIZE           the kernel JVM's -Xmx (KERNEL_HEAP; default 1g: with Jupyter's server
#                         this stays under mybinder.org's 2 GB)
#   --vector-api          add --add-modules jdk.incubator.vector: the library's faster matrix
#                         kernels for large layers; numbers then differ from the tutorials' rendered
#                         outputs in the last digits (KERNEL_VECTOR_API=1)
#   --jvm-option OPTION   one more JVM option, such as -XX:+UseParallelGC; repeat for more
#                         (KERNEL_JVM_OPTIONS, several separated by spaces); no spaces inside one
#   --jjava               configure the installed JJava kernel instead of installing IJava
#   -h, --help            print this text
#
# Environment:
#   IJAVA_ZIP         an already-downloaded ijava-1.3.0.zip (offline and classroom installs)
#   IJAVA_URL         where to download the zip from otherwise (default: the GitHub release)
#   JJAVA_KERNEL_DIR  with --jjava: JJava's kernel folder (default: the kernel whose kernel.json
#                     starts jjava-launcher.jar, as `jupyter kernelspec list` finds it)
#   JUPYTER_DATA_DIR  Jupyter's data folder; IJava goes to $JUPYTER_DATA_DIR/kernels/java
#                     (default: the environment's on Binder, otherwise the current user's)
#   NOTEBOOK_JARS     the jar folder to put on the kernel's class path (default: notebooks/lib of
#                     this checkout); set it empty to leave the kernel's class path alone
#   JAVA_HOME         the JDK IJava runs on (default: the java on PATH); JJava's launcher always
#                     starts the java on PATH
#
# For IJava it writes the kernel spec itself rather than running IJava's install.py, which needs the
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

kernel=ijava
vector_api=${KERNEL_VECTOR_API:-0}
read -r -a extra_options <<<"${KERNEL_JVM_OPTIONS:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    --jjava) kernel=jjava ;;
    --vector-api) vector_api=1 ;;
    --heap | --jvm-option)
      [ $# -ge 2 ] || fail "$1 needs a value (see --help)"
      if [ "$1" = --heap ]; then KERNEL_HEAP=$2; else extra_options+=("$2"); fi
      shift
      ;;
    --heap=*) KERNEL_HEAP=${1#--heap=} ;;
    --jvm-option=*) extra_options+=("${1#--jvm-option=}") ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
  shift
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
jars=${NOTEBOOK_JARS-$repo/notebooks/lib}

command -v python3 >/dev/null 2>&1 || fail "python3 is needed (it comes with Jupyter)"

[[ $KERNEL_HEAP =~ ^[0-9]+[kKmMgG]?$ ]] \
  || fail "KERNEL_HEAP=$KERNEL_HEAP is not a heap size such as 1g or 768m"
case "$vector_api" in
  1 | true | yes) vector_api=1 ;;
  0 | false | no | "") vector_api=0 ;;
  *) fail "KERNEL_VECTOR_API=$vector_api is not 1 or 0" ;;
esac
for option in ${extra_options[@]+"${extra_options[@]}"}; do
  [[ $option == -* && $option != *[[:space:]]* ]] \
    || fail "'$option' is not a JVM option (one option starting with '-', without spaces)"
done

# The kernel JVM's options: headless charts, the heap cap, then what the user chose.
jvm_options=(-Djava.awt.headless=true "-Xmx$KERNEL_HEAP")
if [ "$vector_api" = 1 ]; then
  jvm_options+=(--add-modules jdk.incubator.vector)
fi
jvm_options+=(${extra_options[@]+"${extra_options[@]}"})

classpath=""
if [ -n "$jars" ]; then
  # IJava and JJava resolve their class path setting when the kernel starts, and a missing folder
  # stops the kernel from starting at all, so the folder must be there now.
  compgen -G "$jars/backprop-*.jar" >/dev/null \
    || fail "$jars does not hold the library jar yet; build it first with
  ./mvnw -B -ntp -pl notebooks -am package -DskipTests
(or set NOTEBOOK_JARS= to install the kernel without the notebooks' jars on its class path)"
  jars=$(cd "$jars" && pwd -P)
  case "$jars" in
    *:* | *\** | *\?*) fail "the jar folder $jars contains ':', '*' or '?', which the kernels' class path setting reads as a separator or a pattern" ;;
  esac
  # Name each jar exactly as a notebook's first cell, %classpath lib/*.jar, names it in a kernel
  # started in notebooks/: IJava's and JJava's globs turn lib/*.jar into ./lib/x.jar, which becomes
  # <physical path of notebooks>/./lib/x.jar. With the same paths JShell's class loader holds
  # each jar once instead of twice (KernelStartTest checks this for IJava).
  classpath="$(dirname "$jars")/./$(basename "$jars")/*.jar"
fi

java_bin=$(command -v java || true)
if [ "$kernel" = ijava ] && [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_bin="$JAVA_HOME/bin/java"
fi
if [ "$kernel" = jjava ]; then
  [ -n "$java_bin" ] || fail "no java on PATH, which JJava's launcher starts: install a JDK $JAVA_RELEASE"
else
  [ -n "$java_bin" ] || fail "no java found: install a JDK $JAVA_RELEASE or set JAVA_HOME"
fi
release=$({ "$java_bin" -XshowSettings:properties -version 2>&1 || true; } \
  | sed -n 's/^ *java\.specification\.version = //p')
case "$release" in
  1.* | "") major=0 ;;
  *) major=${release%%.*} ;;
esac
[ "$major" -ge "$JAVA_RELEASE" ] \
  || fail "$java_bin is Java ${release:-of unknown version}; the library needs Java $JAVA_RELEASE or newer (set JAVA_HOME to a JDK $JAVA_RELEASE)"
if [ "$vector_api" = 1 ]; then
  { "$java_bin" --list-modules 2>/dev/null || true; } | grep -q '^jdk\.incubator\.vector@' \
    || fail "$java_bin has no jdk.incubator.vector module, which --vector-api adds"
fi

if [ "$kernel" = jjava ]; then
  if [ -n "${JJAVA_KERNEL_DIR:-}" ]; then
    jjava_dir=$JJAVA_KERNEL_DIR
  elif command -v jupyter >/dev/null 2>&1; then
    jjava_dir=$(jupyter kernelspec list --json | python3 -c '
import json, sys
for spec in json.load(sys.stdin)["kernelspecs"].values():
    if any("jjava" in str(a) for a in spec["spec"].get("argv", [])):
        print(spec["resource_dir"])
        break
')
    [ -n "$jjava_dir" ] \
      || fail "Jupyter lists no JJava kernel: install it with python3 -m pip install jjava (or set JJAVA_KERNEL_DIR to its kernel folder)"
  else
    fail "no jupyter on PATH to find JJava's kernel with: install JJava (python3 -m pip install jjava) or set JJAVA_KERNEL_DIR to its kernel folder"
  fi
  # JJava's launcher splits JJAVA_JVM_OPTS at spaces (hence no spaces inside one option) and
  # starts the kernel JVM with them; JJava adds JJAVA_CLASSPATH (globs allowed) to JShell's
  # class path at start-up and installs the library's display extension from it.
  python3 - "$jjava_dir" "$classpath" "${jvm_options[@]}" <<'PY' || exit 1
import json, os, sys
folder, classpath, options = sys.argv[1], sys.argv[2], sys.argv[3:]
path = os.path.join(folder, "kernel.json")
try:
    with open(path) as f:
        spec = json.load(f)
except (OSError, ValueError) as e:
    sys.exit(f"install-kernel: {path} is not a readable kernel spec: {e}")
if not any("jjava" in str(a) for a in spec.get("argv", [])):
    sys.exit(f"install-kernel: {path} is not JJava's kernel spec (its argv does not start jjava-launcher.jar)")
env = dict(spec.get("env") or {})
env["JJAVA_JVM_OPTS"] = " ".join(options)
if classpath:
    env["JJAVA_CLASSPATH"] = classpath
else:
    env.pop("JJAVA_CLASSPATH", None)
if env == spec.get("env"):
    print(f"JJava in {folder} already has these settings; nothing changed")
    sys.exit(0)
spec["env"] = env
with open(path + ".new", "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
os.replace(path + ".new", path)
print(f"Configured JJava in {folder}: JJAVA_JVM_OPTS={env['JJAVA_JVM_OPTS']}")
if classpath:
    print(f"Its class path is {classpath}; if you move or delete that folder, run this script again.")
PY
  exit 0
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

# The kernel spec: IJava's own (name java, interrupt by message) plus the JVM options and class path.
python3 - "$work/java/kernel.json" "$java_bin" "$kernel_dir/ijava-$IJAVA_VERSION.jar" "$classpath" "${jvm_options[@]}" <<'PY'
import json, sys
out, java, jar, classpath, options = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
spec = {
    "argv": [java, *options, "-jar", jar, "{connection_file}"],
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
