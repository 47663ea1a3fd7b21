#!/bin/sh
# tests/fuzz/run.sh CSDOC DIR SECONDS TARGET...: seed each target's corpus under DIR/corpus and run it for SECONDS; crashes go to DIR/crashes.
cd "$(dirname "$0")/../.." || exit 3
csdoc=$1 dir=$2 secs=$3
shift 3
CSDOC_DATA=$(pwd)
LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# glib 2.74's per-thread slice magazines, caught half freed as one of pango's
# threads ends, once made LeakSanitizer report 2,032 bytes: plain malloc instead
G_SLICE=always-malloc
export CSDOC_DATA LSAN_OPTIONS UBSAN_OPTIONS G_SLICE
corpus=$dir/corpus crashes=$dir/crashes
mkdir -p "$corpus" "$crashes"

# Seeds are rewritten every run from the tree; what the fuzzer finds stays in corpus/TARGET.
seed() {
	target=$1 seeds=$corpus/$1-seeds
	rm -rf "$seeds"
	mkdir -p "$seeds" "$corpus/$target"
	case $target in
	compile)
		cp samples/*.xml samples/*/*.xml tests/regress/cases/*.xml tests/bad/*.xml "$seeds/"
		tests/fuzz/dict.sh $(ls schemas/*.xsd | grep -v print.xsd) >"$dir/compile.dict"
		echo '"xmlns=\"urn:csdoc:1\""' >>"$dir/compile.dict"
		;;
	expr)
		# every compute= of the samples and tests, one formula a file
		n=0
		cat samples/*.xml samples/*/*.xml tests/regress/cases/*.xml tests/bad/*.xml |
		    grep -ao 'compute="[^"]*"' | sed 's/^compute="//; s/"$//; s/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' |
		    sort -u | while IFS= read -r f; do
			n=$((n + 1))
			printf '%s' "$f" >"$seeds/formula-$n"
		done
		;;
	typeset)
		"$csdoc" build -f print -o "$seeds" samples/*.xml >/dev/null 2>&1
		cp tests/typeset/*.xml "$seeds/"
		tests/fuzz/dict.sh schemas/print.xsd >"$dir/typeset.dict"
		echo '"xmlns=\"urn:csdoc:print:1\""' >>"$dir/typeset.dict"
		;;
	csv)
		cp tests/bad/*.csv tests/regress/cases/*.csv "$seeds/"
		;;
	esac
}

status=0
for target in "$@"; do
	seed "$target"
	opts=
	case $target in
	compile) opts=-dict=$dir/compile.dict ;;
	expr) opts=-dict=tests/fuzz/expr.dict ;;
	# fuzz_typeset.c takes print trees up to 64 KB
	typeset) opts="-dict=$dir/typeset.dict -max_len=65536" ;;
	csv) opts=-max_len=65536 ;;
	esac
	echo "== fuzz_$target for $secs s"
	# -timeout: one input typeset under the sanitizers takes at most seconds
	# shellcheck disable=SC2086
	if ! "$dir/fuzz_$target" -max_total_time="$secs" -timeout=60 -rss_limit_mb=4096 \
	    -print_final_stats=1 -artifact_prefix="$crashes/$target-" $opts \
	    "$corpus/$target" "$corpus/$target-seeds" >"$dir/fuzz_$target.log" 2>&1; then
		status=1
		echo "fuzz_$target: found a failing input (see $dir/fuzz_$target.log):"
		grep -aE '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$dir/fuzz_$target.log" | head -5
	fi
	grep -aE '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$dir/fuzz_$target.log"
done
ls "$crashes" | sed 's/^/crash: /'
exit $status
