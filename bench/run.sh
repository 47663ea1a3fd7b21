#!/bin/sh
# bench/run.sh CSDOC FLOOR: time csdoc's PDF build against the floor on the same text, and csdoc on documents 10 times longer; print one table.
# Whole processes, hyperfine medians after a warm-up, every ratio measured in this same run.
set -eu
csdoc=$1 floor=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CSDOC_DATA=$(pwd)
export CSDOC_DATA

# median seconds of a command, by hyperfine
median() {
	hyperfine --style none --warmup 2 --runs "${RUNS:-10}" --export-json "$work/h.json" "$1" >/dev/null 2>&1
	sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$work/h.json" | head -1
}

# peak resident memory in KiB
peak() {
	/usr/bin/time -f %M sh -c "$1" 2>&1 >/dev/null | tail -1
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

printf '%-40s %5s %9s %9s %7s %9s %9s %7s\n' document pages csdoc_ms floor_ms ratio csdoc_KiB floor_KiB ratio
for sample in samples/*.xml; do
	name=$(basename "$sample" .xml)
	"$csdoc" build -o "$work" -f print,pdf "$sample" 2>/dev/null
	pages=$(pdfinfo "$work/$name.pdf" | awk '/^Pages:/ { print $2 }')
	c=$(median "$csdoc build -o $work -f pdf $sample")
	f=$(median "$floor $work/$name.print.xml $work/floor.pdf")
	cm=$(peak "$csdoc build -o $work -f pdf $sample")
	fm=$(peak "$floor $work/$name.print.xml $work/floor.pdf")
	printf '%-40s %5s %9.1f %9.1f %7s %9s %9s %7s\n' "$name" "$pages" \
	    "$(awk -v s="$c" 'BEGIN { print s * 1000 }')" "$(awk -v s="$f" 'BEGIN { print s * 1000 }')" \
	    "$(ratio "$c" "$f")" "$cm" "$fm" "$(ratio "$cm" "$fm")"
done

# growth: the same document ten times over takes at most ten times as long
# (beside the samples and the folders of papers, which some of them use)
cp -R samples/. "$work/"
echo
printf '%-40s %9s %9s %7s\n' document 1x_ms 10x_ms ratio
for sample in samples/*.xml; do
	name=$(basename "$sample" .xml)
	xsltproc --stringparam n 10 bench/repeat.xsl "$sample" >"$work/$name-x10.xml"
	"$csdoc" check "$work/$name-x10.xml"
	one=$(median "$csdoc build -o $work -f pdf $sample")
	ten=$(median "$csdoc build -o $work -f pdf $work/$name-x10.xml")
	printf '%-40s %9.1f %9.1f %7s\n' "$name" \
	    "$(awk -v s="$one" 'BEGIN { print s * 1000 }')" "$(awk -v s="$ten" 'BEGIN { print s * 1000 }')" "$(ratio "$ten" "$one")"
done
