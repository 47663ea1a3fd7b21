#!/bin/sh
# bench/run.sh CSDOC FLOOR: csdoc against the PDF floor, WeasyPrint, headless Chromium and xsltproc on the same documents, its growth and a site of 1,000 documents; one table.
# Whole processes, hyperfine medians after a warm-up and peaks from /usr/bin/time,
# every ratio measured in this same run, so a busy machine changes both sides alike.
#
# Knobs (environment):
#   RUNS=10        timed runs of csdoc, the floor and xsltproc per document (after 2 warm-ups)
#   PEER_RUNS=3    timed runs of WeasyPrint and Chromium (after 1 warm-up); 0 leaves them out
#   BIG_RUNS=3     timed runs on the 100x Agreement and of the site's full build
#   QUICK=1        leave out the 100x Agreement, the site and callgrind (a run of a few minutes)
#   SITE_DOCS=1000 documents in the generated site
#   CALLGRIND=0    leave out the instruction counts
set -eu
csdoc=$1 floor=$2
RUNS=${RUNS:-10} PEER_RUNS=${PEER_RUNS:-3} BIG_RUNS=${BIG_RUNS:-3}
QUICK=${QUICK:-0} SITE_DOCS=${SITE_DOCS:-1000} CALLGRIND=${CALLGRIND:-1}
case "$csdoc" in /*) ;; *) csdoc=$(pwd)/$csdoc ;; esac
case "$floor" in /*) ;; *) floor=$(pwd)/$floor ;; esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CSDOC_DATA=$(pwd)
export CSDOC_DATA
# the flags issue 10 names, so Chromium does only the printing
chromium="chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --no-pdf-header-footer"
results=$work/results
: >"$results"

# median seconds of a command: median RUNS WARMUP COMMAND [PREPARE]
# (PREPARE runs untimed before each run)
median() {
	set -- "$1" "$2" "$3" ${4:+--prepare} ${4:+"$4"}
	hyperfine --style none -N --warmup "$2" --runs "$1" --export-json "$work/h.json" "$3" ${4:+"$4"} ${5:+"$5"} >/dev/null 2>&1 ||
	    hyperfine --style none --warmup "$2" --runs "$1" --export-json "$work/h.json" "$3" ${4:+"$4"} ${5:+"$5"} >/dev/null 2>&1 || {
		echo "bench: failed: $3" >&2
		echo nan
		return
	}
	sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$work/h.json" | head -1
}

# medians of commands timed in turn, one run of each per round, so a
# machine whose load changes during the measurement changes every side
# alike: interleave RUNS WARMUP COMMAND... prints one median per command
interleave() {
	runs=$1 warm=$2
	shift 2
	rm -f "$work"/il.*
	if [ "$warm" -gt 0 ]; then
		hyperfine --style none -N --warmup "$warm" --runs 1 "$@" >/dev/null 2>&1 || true
	fi
	r=0
	while [ "$r" -lt "$runs" ]; do
		if hyperfine --style none -N --runs 1 --export-json "$work/il.json" "$@" >/dev/null 2>&1; then
			sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$work/il.json" | awk -v d="$work" '{ print >>(d "/il." NR) }'
		fi
		r=$((r + 1))
	done
	k=1
	for _ in "$@"; do
		if [ -s "$work/il.$k" ]; then
			sort -g "$work/il.$k" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
		else
			echo nan
		fi
		k=$((k + 1))
	done
}

# peak resident memory in KiB (for a tree of processes, the largest one's)
peak() {
	/usr/bin/time -f %M sh -c "$1" 2>&1 >/dev/null | tail -1
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b == 0) print "-"; else printf "%.2f", a / b }'
}

ms() {
	awk -v s="$1" 'BEGIN { if (s == "nan" || s == "-") print "-"; else printf "%.1f", s * 1000 }'
}

# the samples and what they use, so generated documents beside them find it
cp -R samples/. "$work/"
xsltproc --stringparam n 10 bench/repeat.xsl samples/safer-essex-agreement-2010-11.xml >"$work/agreement-x10.xml"
docs="$(ls samples/*.xml) $work/agreement-x10.xml"
if [ "$QUICK" != 1 ]; then
	xsltproc --stringparam n 100 bench/repeat.xsl samples/safer-essex-agreement-2010-11.xml >"$work/agreement-x100.xml"
	docs="$docs $work/agreement-x100.xml"
fi

fmt='%-36s %5s | %8s %8s %5s | %7s %7s %5s | %8s %7s %5s | %8s %7s %5s | %7s %7s %5s %7s\n'
printf "$fmt" '' '' 'PDF' 'floor' 'ratio' 'PDF' 'floor' 'ratio' 'Weasy' 'Weasy' 'x' 'Chrom' 'Chrom' 'x' 'HTML' 'xslt' 'ratio' 'HTML'
printf "$fmt" document pages ms ms '' KiB KiB '' ms KiB slower ms KiB slower ms ms '' KiB
for doc in $docs; do
	name=$(basename "$doc" .xml)
	runs=$RUNS warm=2 peers=$PEER_RUNS
	# the 100x Agreement (1,700 pages): fewer runs, and no peers, which
	# would take many minutes each (their 10x figures say how they grow)
	case "$name" in *-x100) runs=$BIG_RUNS warm=1 peers=0 ;; esac
	o=$work/out-$name
	mkdir -p "$o" "$o/one"
	w=nan wm=- ch=nan chm=-
	"$csdoc" build -o "$o" -f print,pdf,html,xml "$doc" 2>/dev/null
	pages=$(pdfinfo "$o/$name.pdf" | awk '/^Pages:/ { print $2 }')
	kind=$(sed -n 's/^<\([a-z][a-z-]*\)[ >].*/\1/p' "$o/$name.compiled.xml" | head -1)
	# a pack's page is only its agenda (its papers are pages of their own):
	# printing it would not be the same content as csdoc's PDF
	[ "$kind" != meeting-pack ] || peers=0
	# the growth documents are timed in turn with the Agreement itself
	one=
	case "$name" in agreement-x*) one=$(pwd)/samples/safer-essex-agreement-2010-11.xml ;; esac
	set -- $(interleave "$runs" "$warm" "$csdoc build -o $o -f pdf $doc" "$floor $o/$name.print.xml $o/floor.pdf" \
	    ${one:+"$csdoc build -o $o/one -f pdf $one"})
	c=$1 f=$2 c1=${3:-}
	cm=$(peak "$csdoc build -o $o -f pdf $doc")
	fm=$(peak "$floor $o/$name.print.xml $o/floor.pdf")
	# the HTML path: csdoc checks, computes and transforms; xsltproc only
	# transforms the compiled tree with the same stylesheet
	set -- $(interleave "$runs" "$warm" "$csdoc build -o $o -f html $doc" \
	    "xsltproc -o $o/xsltproc.html stylesheets/html/$kind.xsl $o/$name.compiled.xml" \
	    ${one:+"$csdoc build -o $o/one -f html $one"})
	h=$1 x=$2 h1=${3:-}
	hm=$(peak "$csdoc build -o $o -f html $doc")
	# the peers in turn with csdoc, whose own median here gives their ratios
	cp=$c
	if [ "$peers" -gt 0 ]; then
		set -- $(interleave "$peers" 1 "$csdoc build -o $o -f pdf $doc" "weasyprint -q $o/$name.html $o/weasy.pdf" \
		    "$chromium --print-to-pdf=$o/chromium.pdf $o/$name.html")
		cp=$1 w=$2 ch=$3
		wm=$(peak "weasyprint -q $o/$name.html $o/weasy.pdf")
		chm=$(peak "$chromium --print-to-pdf=$o/chromium.pdf $o/$name.html")
	fi
	echo "$name $pages $c $cm $f $fm $w $ch $h $x $hm ${c1:-nan} ${h1:-nan} $cp" >>"$results"
	printf "$fmt" "$name" "$pages" "$(ms "$c")" "$(ms "$f")" "$(ratio "$c" "$f")" "$cm" "$fm" "$(ratio "$cm" "$fm")" \
	    "$(ms "$w")" "$wm" "$(ratio "$w" "$cp")" "$(ms "$ch")" "$chm" "$(ratio "$ch" "$cp")" \
	    "$(ms "$h")" "$(ms "$x")" "$(ratio "$h" "$x")" "$hm"
done

# growth: the Agreement 10 and 100 times over against itself (timed in
# turn with it), in time and memory
echo
awk '
	$1 == "safer-essex-agreement-2010-11" { am = $4; ahm = $11 }
	$1 ~ /^agreement-x/ {
		n = substr($1, 12)
		printf "growth %3dx Agreement: PDF time %.2fx, memory %.2fx; HTML time %.2fx, memory %.2fx\n",
		    n, $3 / $12, $4 / am, $9 / $13, $11 / ahm
	}' "$results"

# the site: 1,000 minutes from the samples, every date and money input varied
if [ "$QUICK" != 1 ]; then
	src=$work/site-src
	mkdir -p "$src"
	set -- cwac-ssl-minutes-2009-07-17 derbyshire-scb-minutes-2010-09-01 derbyshire-sctag-minutes-2010-10-27 safer-essex-minutes-2011-03-10
	k=0 g=0
	while [ "$k" -lt "$SITE_DOCS" ]; do
		for s in "$@"; do
			[ "$k" -lt "$SITE_DOCS" ] || break
			xsltproc --stringparam group "$g" --stringparam years "$((g % 25))" --stringparam prefix "g$g-" \
			    bench/vary.xsl "samples/$s.xml" >"$src/g$g-$s.xml"
			k=$((k + 1))
		done
		g=$((g + 1))
	done
	site=$work/site
	# once untimed, to see that every document builds (a failed one would
	# make the site look faster than it is)
	"$csdoc" site -j 2 -o "$site" "$src" >/dev/null 2>"$work/site.err" ||
	    { echo "bench: the generated site does not build:" >&2; grep -v warning "$work/site.err" | head -5 >&2; }
	full=$(median "$BIG_RUNS" 0 "$csdoc site -j 2 -o $site $src" "rm -rf $site")
	"$csdoc" site -j 2 -o "$site" "$src" >/dev/null 2>&1
	nochange=$(median "$RUNS" 2 "$csdoc site -j 2 -o $site $src")
	npdf=$(find "$site" -name '*.pdf' | wc -l)
	nhtml=$(find "$site" -name '*.html' | wc -l)
	echo
	printf 'site of %d documents, -j 2: full build %.1f s (%d PDFs, %d HTML pages); rebuild with nothing changed %.2f s\n' \
	    "$SITE_DOCS" "$full" "$npdf" "$nhtml" "$nochange"
	echo "site $full $nochange" >>"$results"
fi

# issue 10's targets against this run's figures
echo
awk '
	function mark(ok) { return ok ? "met   " : "MISSED" }
	$1 == "safer-essex-agreement-2010-11" { a = 1; at = $3; am = $4; ft = $5; fm = $6; w = $7; c = $8; cp = $14 }
	$1 == "safer-essex-agreement-2010-11" { ahm = $11 }
	# growth: against the Agreement timed in turn with it, memory against its row
	$1 == "agreement-x10" { t10 = $3 / $12; m10 = $4; h10 = $9 / $13; hm10 = $11 }
	$1 == "agreement-x100" { t100 = $3 / $12; m100 = $4; h100 = $9 / $13; hm100 = $11 }
	$1 == "site" { site = 1; full = $2; again = $3 }
	# the pack compiles and writes a page per paper; xsltproc makes only its agenda
	NF >= 13 && $1 != "derbyshire-scb-pack-2010-11-17" && $10 != "nan" && $9 / $10 > html { html = $9 / $10; hdoc = $1 }
	END {
		if (a) {
			printf "%s Agreement PDF time <= 1.5x the floor: %.2fx\n", mark(at / ft <= 1.5), at / ft
			if (w != "nan")
				printf "%s Agreement PDF >= 12x faster than WeasyPrint: %.1fx\n", mark(w / cp >= 12), w / cp
			if (c != "nan")
				printf "%s Agreement PDF >= 8x faster than Chromium: %.1fx\n", mark(c / cp >= 8), c / cp
			printf "%s Agreement peak memory <= 2x the floor: %.2fx\n", mark(am / fm <= 2), am / fm
		}
		if (hdoc != "")
			printf "%s HTML path <= 3x xsltproc: at most %.2fx (%s)\n", mark(html <= 3), html, hdoc
		if (t10 != "")
			printf "%s 10x Agreement PDF <= 10x the time and memory: %.2fx, %.2fx\n", mark(t10 <= 10 && m10 / am <= 10), t10, m10 / am
		if (h10 != "")
			printf "%s 10x Agreement HTML <= 10x the time and memory: %.2fx, %.2fx\n", mark(h10 <= 10 && hm10 / ahm <= 10), h10, hm10 / ahm
		if (t100 != "")
			printf "%s 100x Agreement PDF <= 100x the time and memory: %.2fx, %.2fx\n", mark(t100 <= 100 && m100 / am <= 100), t100, m100 / am
		if (h100 != "")
			printf "%s 100x Agreement HTML <= 100x the time and memory: %.2fx, %.2fx\n", mark(h100 <= 100 && hm100 / ahm <= 100), h100, hm100 / ahm
		if (site) {
			printf "%s site, full build < 60 s: %.1f s\n", mark(full < 60), full
			printf "%s site, rebuild with nothing changed < 2 s: %.2f s\n", mark(again < 2), again
		}
	}' "$results"

# csdoc's stages in instructions (all threads), steadier than times on a shared machine
if [ "$QUICK" != 1 ] && [ "$CALLGRIND" != 0 ] && command -v valgrind >/dev/null; then
	a=samples/safer-essex-agreement-2010-11.xml
	o=$work/out-safer-essex-agreement-2010-11
	valgrind --tool=callgrind --callgrind-out-file="$work/cg.csdoc" "$csdoc" build -o "$o" -f pdf "$a" >/dev/null 2>&1
	valgrind --tool=callgrind --callgrind-out-file="$work/cg.floor" "$floor" "$o/safer-essex-agreement-2010-11.print.xml" "$o/floor.pdf" >/dev/null 2>&1
	echo
	echo "Agreement PDF in millions of instructions (callgrind, all threads):"
	callgrind_annotate --inclusive=yes "$work/cg.csdoc" 2>/dev/null | awk '
		/PROGRAM TOTALS/ { gsub(",", "", $1); printf "  %-28s %8.1f\n", "csdoc, whole process", $1 / 1e6 }
		match($0, /:(compile_file|validate_print|ts_read|ts_layout|ts_draw|pdfpost_apply|xslt_apply_params) /) {
			f = substr($0, RSTART + 1, RLENGTH - 2); v = $1; gsub(",", "", v)
			if (!(f in seen)) { seen[f] = 1; printf "  %-28s %8.1f\n", f, v / 1e6 }
		}'
	callgrind_annotate "$work/cg.floor" 2>/dev/null | awk '
		/PROGRAM TOTALS/ { gsub(",", "", $1); printf "  %-28s %8.1f\n", "floor, whole process", $1 / 1e6 }'
fi
