# tests/author/run.sh: csdoc new, fmt and watch — every scaffold builds, fmt is idempotent and keeps the meaning, watch rebuilds on save (sourced by run-all.sh).

# new: each kind's scaffold validates and builds to PDF and HTML with no
# message at all; the partnership is escaped; -o never overwrites; a bad
# date or kind is a usage error.
author_new_run() {
	csdoc=$1
	work=$(mktemp -d)
	for kind in agreement minutes performance-report report meeting-pack; do
		if "$csdoc" new "$kind" --partnership 'Tom & Jerry <CSP> "East"' --date 2012-02-29 -o "$work/$kind.xml" 2>"$work/new.err"; then
			ok "new/$kind: written"
		else
			fail "new/$kind: exit status $?"; cat "$work/new.err"; continue
		fi
		"$csdoc" build -o "$work/out" -f pdf,html,xml "$work/$kind.xml" 2>"$work/$kind.diag"
		rc=$?
		# (only csdoc's own messages count: a sanitizer may add its report)
		if [ "$rc" = 0 ] && ! grep -q ': \(error\|warning\|note\): ' "$work/$kind.diag" &&
		    [ -s "$work/out/$kind.pdf" ] && [ -s "$work/out/$kind.html" ]; then
			ok "new/$kind: builds PDF and HTML with no message"
		else
			fail "new/$kind: build exit status $rc"; cat "$work/$kind.diag"
		fi
		# the name arrives as text, escaped in the source
		grep -qF 'Tom &amp; Jerry &lt;CSP&gt; &quot;East&quot;' "$work/$kind.xml" &&
		    grep -qF 'Tom &amp; Jerry &lt;CSP&gt; "East"' "$work/out/$kind.html" &&
		    ok "new/$kind: partnership escaped" || fail "new/$kind: partnership not in the source or HTML as given"
		grep -q '2012-02-29' "$work/$kind.xml" && ok "new/$kind: date" || fail "new/$kind: date not substituted"
		# the editor finds the schema: it names it both ways, and the catalog maps it
		grep -q '<?xml-model href="csdoc.xsd" schematypens="http://www.w3.org/2001/XMLSchema"?>' "$work/$kind.xml" &&
		    grep -q 'xsi:schemaLocation="urn:csdoc:1 csdoc.xsd"' "$work/$kind.xml" &&
		    ok "new/$kind: names its schema" || fail "new/$kind: no xml-model or xsi:schemaLocation"
		# it validates against csdoc.xsd alone, as an editor would
		xmllint --noout --schema schemas/csdoc.xsd "$work/$kind.xml" >/dev/null 2>&1 &&
		    ok "new/$kind: valid against csdoc.xsd" || fail "new/$kind: not valid against schemas/csdoc.xsd"
		# nothing is left of the placeholders
		grep -q '@[A-Z]*@' "$work/$kind.xml" && fail "new/$kind: a placeholder is left" || ok "new/$kind: no placeholder left"
	done
	# the scaffold's schema name resolves through the catalog
	for name in csdoc.xsd urn:csdoc:1; do
		got=$(xmlcatalog schemas/catalog.xml "$name" 2>/dev/null | tail -1) && [ "$got" = schemas/csdoc.xsd ] &&
		    ok "new: the catalog maps $name to csdoc.xsd" || fail "new: the catalog does not map $name ($got)"
	done
	# standard output is the same text as -o
	"$csdoc" new minutes --partnership 'Tom & Jerry <CSP> "East"' --date 2012-02-29 >"$work/stdout.xml" 2>/dev/null
	same_file "new: standard output as -o" "$work/minutes.xml" "$work/stdout.xml"
	# an existing file is never overwritten
	echo keep >"$work/exists.xml"
	"$csdoc" new minutes -o "$work/exists.xml" 2>"$work/err"
	rc=$?
	[ "$rc" = 2 ] && [ "$(cat "$work/exists.xml")" = keep ] && grep -q 'already exists' "$work/err" &&
	    ok "new: refuses to overwrite" || fail "new: overwrote or wrong status ($rc)"
	ls "$work" | grep -q '\.tmp-' && fail "new: temporary file left" || ok "new: no temporary file left"
	"$csdoc" new minutes --date 2011-02-30 >"$work/out.xml" 2>"$work/err"
	rc=$?
	[ "$rc" = 2 ] && [ ! -s "$work/out.xml" ] && grep -q "bad date '2011-02-30'" "$work/err" &&
	    ok "new: bad date refused" || fail "new: bad date gave $rc"
	"$csdoc" new agenda >/dev/null 2>"$work/err"
	[ $? = 2 ] && grep -q "unknown kind 'agenda'" "$work/err" && ok "new: unknown kind refused" || fail "new: unknown kind"
	"$csdoc" new minutes --partnership "$(printf 'a\nb')" >/dev/null 2>&1
	[ $? = 2 ] && ok "new: a line break in the name refused" || fail "new: a line break in the name accepted"
	# names XML or the schema refuse: nothing written, status 2, the reason given
	for bad in 'A\357\277\276B' 'A\357\277\277' '\355\240\200' '   ' '\300\257'; do
		"$csdoc" new minutes --partnership "$(printf "$bad")" --date 2012-02-29 -o "$work/badname.xml" 2>"$work/err"
		rc=$?
		[ "$rc" = 2 ] && [ ! -e "$work/badname.xml" ] && grep -q '^csdoc: --partnership' "$work/err" &&
		    ok "new: the name '$bad' refused" || { fail "new: the name '$bad' gave $rc"; rm -f "$work/badname.xml"; }
	done
	# every sample names its schema both ways, by a path that leads to it
	for src in samples/*.xml samples/*/*.xml; do
		href=$(sed -n 's/^<?xml-model href="\([^"]*\)" schematypens="http:\/\/www.w3.org\/2001\/XMLSchema"?>$/\1/p' "$src")
		if [ -n "$href" ] && [ -f "$(dirname "$src")/$href" ] && grep -qF "xsi:schemaLocation=\"urn:csdoc:1 $href\"" "$src"; then
			ok "samples: $src names its schema"
		else
			fail "samples: $src does not name schemas/csdoc.xsd in xml-model and xsi:schemaLocation"
		fi
	done
	# csdoc ignores the names: the compiled tree of a source with them is that of one without
	mkdir -p "$work/with" "$work/without"
	cp "$work/minutes.xml" "$work/with/m.xml"
	grep -v '^<?xml-model' "$work/minutes.xml" | sed 's| xmlns:xsi="[^"]*"||; /xsi:schemaLocation=/d' >"$work/without/m.xml"
	grep -q 'xsi' "$work/without/m.xml" && fail "new: the names were not taken out for the comparison"
	"$csdoc" build -o "$work/with" -f xml "$work/with/m.xml" 2>/dev/null
	"$csdoc" build -o "$work/without" -f xml "$work/without/m.xml" 2>/dev/null
	[ -s "$work/with/m.compiled.xml" ] && ! grep -q 'xml-model\|schemaLocation\|XMLSchema-instance' "$work/with/m.compiled.xml" &&
	    ok "compile: xml-model and xsi:schemaLocation left out of the compiled tree" || fail "compile: schema names in the compiled tree"
	same_file "compile: same compiled tree with or without the schema's names" "$work/without/m.compiled.xml" "$work/with/m.compiled.xml"
	# the agreement's period is the financial year of its date
	"$csdoc" new agreement --date 2012-04-01 | grep -q '<period>2012/13</period>' &&
	    "$csdoc" new agreement --date 2012-03-31 | grep -q '<period>2011/12</period>' &&
	    ok "new: agreement period from the date" || fail "new: agreement period"
	rm -rf "$work"
}

# fmt: on every sample and regress case, fmt(fmt(x)) = fmt(x); the sources
# rewritten with fmt -i build the same HTML and boxes byte for byte, and the
# same compiled tree apart from the amount of white space between lines.
author_fmt_run() {
	csdoc=$1
	work=$(mktemp -d)
	for dir in samples tests/regress/cases; do
		mkdir -p "$work/$dir"
		cp -r "$dir"/. "$work/$dir/"
		for src in "$dir"/*.xml; do
			name=$(basename "$src" .xml)
			copy=$work/$dir/$name.xml
			"$csdoc" fmt "$src" >"$work/once.xml" 2>"$work/err" || { fail "fmt/$name: exit status $?"; cat "$work/err"; continue; }
			cp "$work/once.xml" "$work/once-in.xml"
			"$csdoc" fmt "$work/once-in.xml" >"$work/twice.xml" 2>/dev/null
			same_file "fmt/$name: idempotent" "$work/once.xml" "$work/twice.xml"
			"$csdoc" fmt -i "$copy" 2>"$work/err" || { fail "fmt/$name: -i exit status"; cat "$work/err"; }
			same_file "fmt/$name: -i writes what fmt prints" "$work/once.xml" "$copy"
		done
		for src in "$dir"/*.xml; do
			name=$(basename "$src" .xml)
			"$csdoc" build -o "$work/before" -f xml,html,boxes "$src" >/dev/null 2>&1
			"$csdoc" build -o "$work/after" -f xml,html,boxes "$work/$dir/$name.xml" >/dev/null 2>&1
			for ext in html boxes; do
				same_file "fmt/$name: same $ext" "$work/before/$name.$ext" "$work/after/$name.$ext"
			done
			xsltproc tests/author/blanks.xsl "$work/before/$name.compiled.xml" >"$work/before.norm" 2>/dev/null
			xsltproc tests/author/blanks.xsl "$work/after/$name.compiled.xml" >"$work/after.norm" 2>/dev/null
			[ -s "$work/before.norm" ] && same_file "fmt/$name: same compiled tree" "$work/before.norm" "$work/after.norm" ||
			    fail "fmt/$name: no compiled tree"
		done
	done
	# the layout itself: two-space indentation, id first then by name, elements
	# that hold only elements (by the schema) one per line, text untouched
	cat >"$work/messy.xml" <<'XML'
<?xml version='1.0'?>
<!-- top -->
<minutes status="draft"   xmlns="urn:csdoc:1" id="m">
<meeting><body>B</body><date>2012-01-01</date></meeting>
      <registry>
  <person name="A  B" id="a" title="Cllr"/>
              </registry>
<attendance><present><attendee person="a" chair="yes"/></present><apologies>
   </apologies></attendance>
<item><title>T</title>
<p>Text <em>kept</em>  as<strong>is</strong>
   over lines</p><!-- note --><p> <em>a</em> <em>b</em> </p></item>
</minutes>
XML
	cat >"$work/messy.want" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- top -->
<minutes xmlns="urn:csdoc:1" id="m" status="draft">
  <meeting>
    <body>B</body>
    <date>2012-01-01</date>
  </meeting>
  <registry>
    <person id="a" name="A  B" title="Cllr"/>
  </registry>
  <attendance>
    <present>
      <attendee chair="yes" person="a"/>
    </present>
    <apologies/>
  </attendance>
  <item>
    <title>T</title>
    <p>Text <em>kept</em>  as<strong>is</strong>
   over lines</p>
    <!-- note -->
    <p> <em>a</em> <em>b</em> </p>
  </item>
</minutes>
XML
	"$csdoc" fmt "$work/messy.xml" >"$work/messy.got" 2>&1
	same_file "fmt: the canonical layout" "$work/messy.want" "$work/messy.got"
	# a CDATA section becomes escaped text, as README says
	printf '<?xml version="1.0"?>\n<minutes xmlns="urn:csdoc:1" id="m"><meeting><body><![CDATA[a<b & c]]></body></meeting></minutes>\n' >"$work/cdata.xml"
	"$csdoc" fmt "$work/cdata.xml" 2>/dev/null | grep -qF '<body>a&lt;b &amp; c</body>' &&
	    ok "fmt: CDATA becomes escaped text" || fail "fmt: CDATA not written as escaped text"
	# fmt -i through a symbolic link rewrites the file it names and
	# leaves the link a link; the file keeps its mode (0600 stays 0600)
	mkdir -p "$work/links"
	cp "$work/messy.xml" "$work/target.xml"
	chmod 600 "$work/target.xml"
	ln -s ../target.xml "$work/links/link.xml"
	"$csdoc" fmt -i "$work/links/link.xml" 2>"$work/err"
	rc=$?
	[ "$rc" = 0 ] && [ -L "$work/links/link.xml" ] && cmp -s "$work/target.xml" "$work/messy.want" &&
	    ok "fmt: -i through a symbolic link formats its target, the link kept" ||
	    { fail "fmt: -i through a symbolic link (status $rc)"; cat "$work/err"; ls -l "$work/links"; }
	[ "$(stat -c %a "$work/target.xml")" = 600 ] && ok "fmt: -i keeps a 0600 file's mode" ||
	    fail "fmt: -i changed the mode to $(stat -c %a "$work/target.xml")"
	# a file with another hard link is refused, both names untouched:
	# replacing it would leave the other name with the old text
	cp "$work/messy.xml" "$work/hard.xml"
	ln "$work/hard.xml" "$work/hard2.xml"
	"$csdoc" fmt -i "$work/hard.xml" 2>"$work/err"
	rc=$?
	[ "$rc" = 3 ] && grep -q 'more than one hard link' "$work/err" && cmp -s "$work/hard.xml" "$work/messy.xml" &&
	    [ "$(stat -c %h "$work/hard.xml")" = 2 ] && ! ls "$work" | grep -q '\.tmp-' &&
	    ok "fmt: -i refuses a file with another hard link" || { fail "fmt: -i on a hard link (status $rc)"; cat "$work/err"; }
	# already in the layout, it is left alone whatever its links
	cp "$work/messy.want" "$work/hardok.xml"
	ln "$work/hardok.xml" "$work/hardok2.xml"
	"$csdoc" fmt -i "$work/hardok.xml" 2>/dev/null && ok "fmt: -i on a formatted hard-linked file does nothing" ||
	    fail "fmt: -i refused a hard-linked file that needed no change"
	# a bad file: a diagnostic at its place, status 1, the file untouched
	printf '<?xml version="1.0"?>\n<minutes xmlns="urn:csdoc:1">\n  <meeting>\n</minutes>\n' >"$work/bad.xml"
	cp "$work/bad.xml" "$work/bad.orig"
	"$csdoc" fmt -i "$work/bad.xml" 2>"$work/err"
	rc=$?
	[ "$rc" = 1 ] && grep -q "^$work/bad.xml:4:[0-9]*: error: " "$work/err" && cmp -s "$work/bad.xml" "$work/bad.orig" &&
	    ! ls "$work" | grep -q '\.tmp-' &&
	    ok "fmt: a bad file is reported and left untouched" || { fail "fmt: bad file (status $rc)"; cat "$work/err"; }
	rm -rf "$work"
}

# wait_for SECONDS COMMAND...: poll until COMMAND succeeds; fails after SECONDS
wait_for() {
	n=$(($1 * 10))
	shift
	while [ "$n" -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
		n=$((n - 1))
	done
	return 1
}

# watch_built_more LOG N: the log shows more than N finished builds
watch_built_more() {
	[ "$(grep -c '\] built ' "$1")" -gt "$2" ]
}

# watch_idle LOG: the last line of the log says a build finished
watch_idle() {
	tail -1 "$1" | grep -q '\] built '
}

# watch: builds at once, rebuilds when the file is saved in place or by
# rename, prints a bad save's diagnostic and keeps running, rebuilds when a
# picture it uses changes, and stops cleanly on SIGINT.
author_watch_run() {
	csdoc=$1 wrunner=${2:-}
	work=$(mktemp -d)
	"$csdoc" new minutes --partnership 'Safer Testshire' --date 2012-02-29 -o "$work/m.xml"
	"$csdoc" watch -o "$work/out" -f html "$work/m.xml" >"$work/log" 2>&1 &
	pid=$!
	wait_for 30 test -s "$work/out/m.html" && ok "watch: first build" || fail "watch: no first build"
	# saved in place
	sed -i.bak 's/Community safety update/Saved in place/' "$work/m.xml"
	wait_for 30 grep -q 'Saved in place' "$work/out/m.html" && ok "watch: rebuilds on a save in place" ||
	    fail "watch: no rebuild after a save in place"
	# saved as editors do: a new file renamed over the old
	sed 's/Saved in place/Saved by rename/' "$work/m.xml" >"$work/m.xml.new" && mv "$work/m.xml.new" "$work/m.xml"
	wait_for 30 grep -q 'Saved by rename' "$work/out/m.html" && ok "watch: rebuilds on a save by rename" ||
	    fail "watch: no rebuild after a save by rename"
	# a mistake: the diagnostic is printed, the outputs stay, and it goes on
	sed -i 's|<date>2012-02-29</date>|<date>2012-02-30</date>|' "$work/m.xml"
	wait_for 30 grep -q "m.xml:[0-9]*:[0-9]*: error: bad value '2012-02-30' for <date>" "$work/log" &&
	    ok "watch: prints the diagnostic of a bad save" || { fail "watch: no diagnostic"; cat "$work/log"; }
	grep -q 'Saved by rename' "$work/out/m.html" && ok "watch: a bad save keeps the last outputs" || fail "watch: outputs lost"
	kill -0 "$pid" 2>/dev/null && ok "watch: still running after a bad build" || fail "watch: exited on a bad build"
	sed -i 's|<date>2012-02-30</date>|<date>2012-02-28</date>|' "$work/m.xml"
	wait_for 30 grep -q '28 February 2012' "$work/out/m.html" && ok "watch: recovers on the next good save" ||
	    fail "watch: no rebuild after the fix"
	grep -q '^\[[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\] built ' "$work/log" && ok "watch: timestamp lines" || fail "watch: no timestamp line"
	# a picture the source uses
	cp tests/regress/cases/testshire-logo.png "$work/logo.png"
	sed -i 's|<p>There were no declarations of interest.</p>|<image src="logo.png" alt="Logo"/><p>There were no declarations of interest.</p>|' "$work/m.xml"
	wait_for 30 grep -q 'logo.png' "$work/out/m.html" || fail "watch: no build with the picture"
	# count the builds once that one has said it is done
	wait_for 30 watch_idle "$work/log" || fail "watch: the build with the picture did not finish"
	builds=$(grep -c '\] built ' "$work/log")
	cp tests/regress/cases/testshire-logo.png "$work/logo.png.new" && mv "$work/logo.png.new" "$work/logo.png"
	wait_for 30 watch_built_more "$work/log" "$builds" && ok "watch: rebuilds when a picture changes" ||
	    fail "watch: no rebuild when the picture changed"
	# Ctrl-C: exit status 0, no temporary file
	kill -INT "$pid"
	n=0
	while kill -0 "$pid" 2>/dev/null && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
	if kill -0 "$pid" 2>/dev/null; then
		fail "watch: still running after SIGINT"
		kill -KILL "$pid"
	else
		wait "$pid"
		rc=$?
		[ "$rc" = 0 ] && grep -q 'stopped watching' "$work/log" && ok "watch: stops cleanly on Ctrl-C" || fail "watch: exit status $rc on SIGINT"
	fi
	ls "$work" "$work/out" | grep -q '\.tmp-' && fail "watch: temporary file left" || ok "watch: no temporary file left"
	# a meeting pack: saving one of its papers rebuilds the pack, and a file
	# it does not read changes nothing
	mkdir -p "$work/pack"
	cp tests/regress/cases/*.xml tests/regress/cases/*.png "$work/pack/"
	# files changed in the clock tick a build starts in count as changed
	# during it (and are built again): let the copies' tick pass first
	sleep 0.2
	"$csdoc" watch -o "$work/pack/out" -f html "$work/pack/pack-small.xml" >"$work/packlog" 2>&1 &
	pid=$!
	wait_for 60 watch_idle "$work/packlog" || fail "watch: no first build of the pack"
	builds=$(grep -c '\] built ' "$work/packlog")
	echo '<x/>' >"$work/pack/unrelated.xml"
	sleep 1
	[ "$(grep -c '\] built ' "$work/packlog")" = "$builds" ] && ok "watch: a file the build did not read changes nothing" ||
	    fail "watch: rebuilt for a file it does not use"
	sed -i 's/Evaluation of Grant Funded Posts/Evaluation of Grant-Funded Posts/' "$work/pack/report-small.xml"
	wait_for 60 watch_built_more "$work/packlog" "$builds" && ok "watch: rebuilds a pack when a paper is saved" ||
	    fail "watch: no rebuild when a paper changed"
	kill -INT "$pid"
	wait_for 10 sh -c "! kill -0 $pid" || kill -KILL "$pid"
	wait "$pid" 2>/dev/null
	# (timed against builds of a few seconds: under valgrind each takes
	# minutes, so there it is left to make test and make asan)
	if [ -z "$wrunner" ]; then
	# a save during a build is not lost: a build slowed by a table of
	# 9,999 rows, the source saved while it runs (the first build, then a
	# later one), and the outputs end up with what was saved
	mkdir -p "$work/slow"
	cat >"$work/slow/s.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report xmlns="urn:csdoc:1" id="t-s">
  <report-header>
    <body>Testshire Board</body>
    <title>T</title>
    <written-by>A Officer</written-by>
    <action>Note.</action>
    <date>2011-11-16</date>
  </report-header>
  <paper-section>
    <title>First</title>
    <table id="t">
      <caption>C</caption>
      <column id="a" type="count">A</column><column id="b" type="count">B</column>
      <rows src="s.csv"/>
    </table>
  </paper-section>
</report>
XML
	awk 'BEGIN { print "A,B"; for (i = 1; i <= 9999; i++) print i "," i }' >"$work/slow/s.csv"
	"$csdoc" watch -o "$work/slow/out" -f pdf,html "$work/slow/s.xml" >"$work/slowlog" 2>&1 &
	pid=$!
	wait_for 30 grep -q '\] building ' "$work/slowlog"
	sleep 0.5
	sed -i 's|<title>First</title>|<title>Saved during the first build</title>|' "$work/slow/s.xml"
	wait_for 120 grep -q 'Saved during the first build' "$work/slow/out/s.html" &&
	    ok "watch: a save during the first build is built" ||
	    { fail "watch: a save during the first build was lost"; cat "$work/slowlog"; }
	wait_for 60 watch_idle "$work/slowlog"
	builds=$(grep -c '\] building ' "$work/slowlog")
	sed -i 's|<title>T</title>|<title>T2</title>|' "$work/slow/s.xml"
	wait_for 60 sh -c "[ \$(grep -c '\\] building ' '$work/slowlog') -gt $builds ]"
	sleep 0.5
	echo '424242,1' >>"$work/slow/s.csv"
	wait_for 120 grep -q '424,\?242' "$work/slow/out/s.html" &&
	    ok "watch: a save during a later build is built" ||
	    { fail "watch: a save during a later build was lost"; cat "$work/slowlog"; }
	kill -INT "$pid"
	wait_for 30 sh -c "! kill -0 $pid" || kill -KILL "$pid"
	wait "$pid" 2>/dev/null
	fi
	# a folder that cannot be watched ends the watch with a message, at once
	"$csdoc" watch -o "$work/out2" -f html "$work/no-such-folder/m.xml" >"$work/nolog" 2>&1 &
	pid=$!
	if wait_for 30 sh -c "! kill -0 $pid"; then
		wait "$pid"
		rc=$?
		[ "$rc" = 3 ] && grep -q 'cannot watch' "$work/nolog" &&
		    ok "watch: a folder that cannot be watched is an error" || fail "watch: unwatchable folder gave $rc"
	else
		fail "watch: waits for ever on a folder it cannot watch"
		kill -KILL "$pid"
		wait "$pid" 2>/dev/null
	fi
	rm -rf "$work"
}
