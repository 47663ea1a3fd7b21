# tests/atomic/run.sh: outputs are all or nothing — a build killed while it writes leaves the previous outputs byte-identical and no temporary file (sourced by run-all.sh).

atomic_run() {
	csdoc=$1
	case $csdoc in /*) ;; *) csdoc=$(pwd)/$csdoc ;; esac
	work=$(mktemp -d)
	hostile_generate "$work"
	src=$work/table-10000-rows.xml
	# the previous good outputs, kept aside to compare with
	"$csdoc" build -o "$work/out" -f pdf,html,xml,csv "$src" >/dev/null 2>&1
	cp -r "$work/out" "$work/before"
	# the same source changed, rebuilt, and stopped at several moments while it works
	sed -i 's/Ten thousand rows/Ten thousand rows, changed/' "$src"
	stopped=0
	for delay in 0.2 0.5 1 2; do
		"$csdoc" build -o "$work/out" -f pdf,html,xml,csv "$src" >/dev/null 2>&1 &
		pid=$!
		sleep "$delay"
		if kill -TERM "$pid" 2>/dev/null; then
			stopped=$((stopped + 1))
		fi
		wait "$pid" 2>/dev/null
		# a build that finished before the signal has replaced them all at once: start again from the old ones
		if ! diff -r "$work/before" "$work/out" >/dev/null; then
			if cmp -s "$work/out/table-10000-rows.html" "$work/before/table-10000-rows.html"; then
				fail "atomic: a stopped build left a mixed set of outputs"
			fi
			rm -rf "$work/out" && cp -r "$work/before" "$work/out"
		fi
		if ls "$work/out" | grep -q '\.tmp-'; then
			fail "atomic: a build stopped after ${delay}s left a temporary file: $(ls "$work/out" | grep '\.tmp-' | head -1)"
		fi
	done
	[ "$stopped" -gt 0 ] && ok "atomic: builds stopped while writing ($stopped times) leave the previous outputs byte-identical and no temporary file" ||
	    fail "atomic: no build could be stopped while it ran"
	rm -rf "$work"
}
