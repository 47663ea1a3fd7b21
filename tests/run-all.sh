#!/bin/sh
# tests/run-all.sh CSDOC UNITDIR [RUNNER]: run the unit tests, the sample regressions and the bad inputs; print one summary line.
cd "$(dirname "$0")/.." || exit 3
csdoc=$1 unitdir=$2 runner=${3:-}
# run against this tree's schemas and stylesheets, whatever is installed
CSDOC_DATA=$(pwd)
export CSDOC_DATA
. tests/lib.sh
. tests/regress/run.sh
. tests/bad/run.sh
. tests/hostile/run.sh
. tests/messages.sh
. tests/docs/run.sh
. tests/web/run.sh
. tests/site/run.sh
. tests/atomic/run.sh
. tests/csv/run.sh
. tests/author/run.sh

# under valgrind, the compiler runs under it too
if [ -n "$runner" ]; then
	wrapped=$(mktemp)
	printf '#!/bin/sh\nexec %s "%s/%s" "$@"\n' "$runner" "$(pwd)" "$csdoc" >"$wrapped"
	chmod +x "$wrapped"
	csdoc_run=$wrapped
else
	csdoc_run=$csdoc
fi

echo "== unit tests"
for t in "$unitdir"/test_*; do
	[ -x "$t" ] || continue
	if $runner "$t" >"$t.log" 2>&1; then
		ok "unit/$(basename "$t")"
	else
		fail "unit/$(basename "$t")"
		tail -20 "$t.log"
	fi
done
echo "== samples"
regress_run "$csdoc_run"
echo "== bad inputs"
bad_run "$csdoc_run" "$runner"
echo "== hostile but valid inputs"
hostile_run "$csdoc_run" "$runner"
suggest_cost_run "$csdoc_run" "$runner"
echo "== network (a listener on 127.0.0.1 hears nothing)"
net_run "$csdoc_run"

echo "== tables from spreadsheets"
csv_run "$csdoc_run"

echo "== atomic outputs"
# not under valgrind: the timings that put a signal in the middle of a write are a plain build's
[ -z "$runner" ] && atomic_run "$csdoc_run"

echo "== authoring (new, fmt, watch)"
author_new_run "$csdoc_run"
author_fmt_run "$csdoc_run"
author_watch_run "$csdoc_run" "$runner"

echo "== site"
# under valgrind a smaller site: every document of the samples would take minutes
site_run "$csdoc_run" "$runner"

echo "== web pages (Nu HTML Checker, axe-core, keyboard)"
web_run "$csdoc" "$unitdir/../refgen"

echo "== documentation"
messages_run
docs_run "$unitdir/../refgen"
man_run

# Installed anywhere, the binary finds its schemas and stylesheets by itself.
echo "== install"
inst=$(mktemp -d)
if make -s --no-print-directory install-files DESTDIR="$inst" PREFIX=/opt/csdoc CSDOC="$csdoc" >/dev/null; then
	first=$(ls samples/*.xml | head -1)
	if (unset CSDOC_DATA; cd "$inst" && "$inst/opt/csdoc/bin/csdoc" build -o out -f pdf,html "$OLDPWD/$first") >/dev/null 2>&1 &&
	    [ -s "$inst/out/$(basename "$first" .xml).pdf" ]; then
		ok "install: the installed binary finds its data"
	else
		fail "install: the installed binary cannot build a sample"
	fi
	if (unset CSDOC_DATA; cd "$inst" && "$inst/opt/csdoc/bin/csdoc" new minutes -o new.xml &&
	    "$inst/opt/csdoc/bin/csdoc" check new.xml) >/dev/null 2>&1; then
		ok "install: the installed binary finds its scaffolds"
	else
		fail "install: csdoc new fails once installed"
	fi
	# man csdoc finds the page where make install put it (asked of man where it is installed)
	if cmp -s doc/csdoc.1 "$inst/opt/csdoc/share/man/man1/csdoc.1" &&
	    { ! command -v man >/dev/null 2>&1 ||
	    MANPATH="$inst/opt/csdoc/share/man" man -w csdoc 2>/dev/null | grep -q "^$inst/opt/csdoc/share/man/man1/csdoc.1"; }; then
		ok "install: man csdoc finds the installed manual page"
	else
		fail "install: the manual page is not installed where man finds it"
	fi
else
	fail "install: make install failed"
fi
rm -rf "$inst"

[ -n "$runner" ] && rm -f "$wrapped"
[ "$FAILED" -gt 0 ] && printf 'failures:%s\n' "$FAILURES"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
