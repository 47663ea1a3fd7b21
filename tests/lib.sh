# tests/lib.sh: counters and helpers shared by the test scripts (sourced, not run).
PASSED=0
FAILED=0
FAILURES=""

ok() {
	PASSED=$((PASSED + 1))
	[ -n "${VERBOSE:-}" ] && echo "ok - $*"
	return 0
}

fail() {
	FAILED=$((FAILED + 1))
	FAILURES="$FAILURES
  $*"
	echo "FAIL - $*"
	return 0
}

# check DESCRIPTION COMMAND...: one assertion, passes when COMMAND exits 0
check() {
	d=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$d"; else fail "$d"; fi
}

# same_file DESCRIPTION EXPECTED ACTUAL: compare, showing a diff on failure
same_file() {
	if cmp -s "$2" "$3"; then
		ok "$1"
	else
		fail "$1"
		diff -u "$2" "$3" | head -20
	fi
}
