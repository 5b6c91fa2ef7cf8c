#!/usr/bin/env bash
# Counts the library's public API: public types and their public members (methods, constructors and
# fields, each declared in that type, a method once whatever its return type; a record's or enum's
# generated members count too), from the
# compiled classes. Packages named "internal" are not API and are left out (counted on a line of their own).
#
#   ./mvnw -q -B -pl library -am compile && bash library/tools/count-public-api.sh
set -euo pipefail
classes=${1:-$(cd "$(dirname "$0")/.." && pwd)/target/classes}
[[ -d $classes ]] || { echo "no compiled classes in $classes: compile the library first" >&2; exit 2; }
cd "$classes"
mapfile -t files < <(find io -name '*.class' ! -name 'package-info.class' | sort)
[[ ${#files[@]} -gt 0 ]] || { echo "no classes under $classes" >&2; exit 2; }
listing=$(mktemp)
trap 'rm -f "$listing"' EXIT
javap -public "${files[@]}" > "$listing"
# A type is API if it is public and so is every type it is nested in (javap names nested types Outer$Inner;
# a record nested in a package-private interface is public in the class file but cannot be reached).
awk '
  function header(line,   i, n, w) {
    n = split(line, w, " ")
    for (i = 1; i <= n; i++) if (w[i] ~ /^(class|interface|enum|record)$/) { sub(/<.*/, "", w[i + 1]); return w[i + 1] }
    return ""
  }
  FNR == NR {
    if ($0 ~ /^[^ ].*(class|interface|enum|record) [^ ]+/ && $0 ~ /\{$/ && $1 == "public") pub[header($0)] = 1
    next
  }
  /^Compiled from/ { next }
  /^[^ ].*(class|interface|enum|record) [^ ]+/ && /\{$/ {
    name = header($0)
    counted = ($1 == "public")
    outer = name
    while (counted && outer ~ /\$/) { sub(/\$[^$]*$/, "", outer); if (!(outer in pub)) counted = 0 }
    internal = (name ~ /\.internal\./)
    if (!counted) next
    if (internal) itypes++; else types++
    next
  }
  /^  [^ ].*;$/ {
    if (!counted) next
    # a method once, whatever its return type: a covariant override also leaves a bridge method
    key = $0
    if (match(key, /[^ ]+\(.*$/)) key = substr(key, RSTART)
    if ((name SUBSEP key) in seen) next
    seen[name, key] = 1
    if (internal) imembers++; else members++
  }
  END {
    printf "public types %d, public members %d\n", types, members
    printf "(not counted, packages named internal: %d types, %d members)\n", itypes, imembers
  }' "$listing" "$listing"
