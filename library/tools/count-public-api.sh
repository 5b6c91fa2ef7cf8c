#!/usr/bin/env bash
# Counts the library's public API: public types and their public members (methods, constructors and
# fields, each declared in that type; a record's or enum's generated members count too), from the
# compiled classes. Packages named "internal" are not API and are left out (counted on a line of their own).
#
#   ./mvnw -q -B -pl library -am compile && bash library/tools/count-public-api.sh
set -euo pipefail
classes=${1:-$(cd "$(dirname "$0")/.." && pwd)/target/classes}
[[ -d $classes ]] || { echo "no compiled classes in $classes: compile the library first" >&2; exit 2; }
cd "$classes"
mapfile -t files < <(find io -name '*.class' ! -name 'package-info.class' | sort)
[[ ${#files[@]} -gt 0 ]] || { echo "no classes under $classes" >&2; exit 2; }
javap -public "${files[@]}" | awk '
  /^Compiled from/ { next }
  /^[^ ].*(class|interface|enum|record) [^ ]+/ && /\{$/ {
    public = ($1 == "public")
    # a public type: its name is the word after class/interface/enum/record
    for (i = 1; i <= NF; i++) if ($i ~ /^(class|interface|enum|record)$/) { name = $(i + 1); break }
    internal = (name ~ /\.internal\./)
    if (!public) next
    if (internal) itypes++; else types++
    next
  }
  /^  [^ ].*;$/ { if (!public) next; if (internal) imembers++; else members++ }
  END {
    printf "public types %d, public members %d\n", types, members
    printf "(not counted, packages named internal: %d types, %d members)\n", itypes, imembers
  }'
