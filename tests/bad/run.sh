# tests/bad/run.sh: every hostile or broken input gives exactly its expected diagnostics, exit status 1, and writes nothing (sourced by run-all.sh).

# Inputs too large (or too binary) to keep in git are made here; their
# expected diagnostics are tests/bad/NAME.diag like the others.
bad_generated="deep-nesting over-size-limit quadratic-blowup huge-attribute gzip-compressed
	utf16-bom-error utf16-nobom-nul deep-lists figure-10000-terms figure-deep-parentheses
	chart-million-points huge-text-node long-attribute"

bad_generate() {
	dir=$1
	# 10,000 elements nested inside each other
	awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<minutes xmlns=\"urn:csdoc:1\">"; for (i = 0; i < 10000; i++) printf "<item>"; for (i = 0; i < 10000; i++) printf "</item>"; print "</minutes>" }' >"$dir/deep-nesting.xml"
	# one byte over the 16 MiB input limit
	head -c 16777217 /dev/zero | tr '\0' ' ' >"$dir/over-size-limit.xml"
	# a link that leads out of the source's folder (used by uses-link-outside.xml)
	mkdir -p "$dir/../outside-$$" && cp "$dir/uses-circle.xml" "$dir/../outside-$$/secret.xml"
	ln -sf "$dir/../outside-$$/secret.xml" "$dir/outside-link.xml"
	cp tests/regress/cases/testshire-logo.png "$dir/../outside-$$/logo.png"
	ln -sf "$dir/../outside-$$/logo.png" "$dir/outside-logo.png"
	# a spreadsheet that is a link leading out, one over the 8 MiB limit, one of 10,001 rows
	printf 'District,Grant,Rate\nBasildon,1000,10%%\n' >"$dir/../outside-$$/figures.csv"
	ln -sf "$dir/../outside-$$/figures.csv" "$dir/outside-figures.csv"
	head -c 8388609 /dev/zero | tr '\0' 'a' >"$dir/csv-too-big.csv"
	awk 'BEGIN { print "District,Grant,Rate"; for (i = 0; i < 10001; i++) print "D" i ",1000,10%" }' >"$dir/csv-too-many-rows.csv"
	# quadratic blow-up: one 50,000-character entity used 50,000 times (2.5 GB expanded)
	awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<!DOCTYPE performance-report [<!ENTITY a \""; for (i = 0; i < 50000; i++) printf "x"; printf "\">]>\n<performance-report xmlns=\"urn:csdoc:1\">"; for (i = 0; i < 50000; i++) printf "&a;"; print "</performance-report>" }' >"$dir/quadratic-blowup.xml"
	# an attribute of 11 million characters (libxml2 stops at 10 million)
	{ printf '<?xml version="1.0"?>\n<report xmlns="urn:csdoc:1">\n  <report-header title="'
	  head -c 11000000 /dev/zero | tr '\0' 'a'
	  printf '"/>\n</report>\n'; } >"$dir/huge-attribute.xml"
	# a source compressed with gzip
	gzip -9nc tests/regress/cases/features-minutes.xml >"$dir/gzip-compressed.xml"
	# UTF-16 with a byte order mark (an agreement with a script link), and
	# UTF-16 without one (a NUL character in a board paper)
	sed 's|<p>Probation is a responsible authority.</p>|<p>Probation is a <a href="javascript:alert(1)">responsible</a> authority.</p>|; s|encoding="UTF-8"|encoding="UTF-16"|' \
	    tests/regress/cases/agreement-small.xml | iconv -f UTF-8 -t UTF-16 >"$dir/utf16-bom-error.xml"
	sed 's|encoding="UTF-8"|encoding="UTF-16"|; s|<p>That the Board notes the report.</p>|<p>That the Board notes NUL_HERE the report.</p>|' \
	    tests/regress/cases/report-small.xml | iconv -f UTF-8 -t UTF-16LE | sed 's/N\x00U\x00L\x00_\x00H\x00E\x00R\x00E\x00/\x00\x00/' >"$dir/utf16-nobom-nul.xml"
	# 1,000 lists nested inside each other
	awk 'BEGIN { print "<?xml version=\"1.0\"?>\n<minutes xmlns=\"urn:csdoc:1\"><meeting><body>B</body><date>2011-03-10</date></meeting><registry><person id=\"pw\" name=\"P\"/></registry><item><title>T</title>"; for (i = 0; i < 1000; i++) printf "<ul><li>"; for (i = 0; i < 1000; i++) printf "</li></ul>"; print "</item></minutes>" }' >"$dir/deep-lists.xml"
	# a formula of 10,000 terms inside the schema's 20,000 characters, and one of 5,000 nested parentheses
	awk 'BEGIN { print "<?xml version=\"1.0\"?>\n<minutes xmlns=\"urn:csdoc:1\"><meeting><body>B</body><date>2011-03-10</date></meeting><registry><person id=\"pw\" name=\"P\"/></registry><item><title>T</title>"; printf "<p><figure id=\"f\" type=\"count\" compute=\"1"; for (i = 1; i < 10000; i++) printf "+1"; print "\"/></p></item></minutes>" }' >"$dir/figure-10000-terms.xml"
	awk 'BEGIN { print "<?xml version=\"1.0\"?>\n<minutes xmlns=\"urn:csdoc:1\"><meeting><body>B</body><date>2011-03-10</date></meeting><registry><person id=\"pw\" name=\"P\"/></registry><item><title>T</title>"; printf "<p><figure id=\"f\" type=\"count\" compute=\""; for (i = 0; i < 5000; i++) printf "("; printf "1"; for (i = 0; i < 5000; i++) printf ")"; print "\"/></p></item></minutes>" }' >"$dir/figure-deep-parentheses.xml"
	# a link of a million characters
	{ printf '<?xml version="1.0" encoding="UTF-8"?>\n<minutes xmlns="urn:csdoc:1">\n  <meeting><body>Test Board</body><date>2011-03-10</date></meeting>\n  <registry><person id="pw" name="Paul Warren"/></registry>\n  <item>\n    <title>Business</title>\n'
	  printf '    <p><a href="http://example.org/'; head -c 1000000 /dev/zero | tr '\0' 'a'; echo '">x</a></p>'
	  echo '  </item>'; echo '</minutes>'; } >"$dir/long-attribute.xml"
	# a text node of 12 million characters: a performance report's actual value
	{ sed -n '1,13p' tests/bad/performance-zero-target.xml | sed 's|<actual>9.33</actual><target>0</target>||'
	  printf '      <actual>'; head -c 12000000 /dev/zero | tr '\0' '9'; echo '</actual><target>11.32</target>'
	  echo '    </measure>'; echo '  </indicator-set>'; echo '  <report-section><title>Overview</title><overview/></report-section>'; echo '</performance-report>'; } >"$dir/huge-text-node.xml"
	# a line chart of 12 series over 83,334 rows: a million points, in 16 MB
	awk 'BEGIN { print "<?xml version=\"1.0\"?>\n<report xmlns=\"urn:csdoc:1\"><report-header><body>B</body><title>T</title><written-by>W</written-by><action>A</action><date>2011-11-16</date></report-header><paper-section><title>Chart</title>"
	  printf "<chart id=\"c\" type=\"line\" data=\"t\" label=\"n\" axis=\"N\"><caption>A million points</caption>"
	  for (s = 1; s <= 12; s++) printf "<series column=\"v%d\"/>", s
	  printf "</chart>\n<table id=\"t\"><caption>T</caption><column id=\"n\">N</column>"
	  for (s = 1; s <= 12; s++) printf "<column id=\"v%d\" type=\"count\" total=\"none\">V</column>", s
	  print ""
	  for (i = 0; i < 83334; i++) print "<row><cell>" i "</cell><cell>1</cell><cell>2</cell><cell>3</cell><cell>4</cell><cell>5</cell><cell>6</cell><cell>7</cell><cell>8</cell><cell>9</cell><cell>1</cell><cell>2</cell><cell>3</cell></row>"
	  print "</table></paper-section></report>" }' >"$dir/chart-million-points.xml"
}

# bad_bounds CSDOC RUNNER: the time (seconds) and memory (KB of resident set)
# every bad input must stay within.  Generous for this 2-core machine; ASan
# and valgrind runs are slower and larger.
bad_bounds() {
	bad_time=30 bad_mem=1500000
	case $1 in *asan*) bad_time=120 bad_mem=6000000 ;; esac
	[ -n "$2" ] && bad_time=600 bad_mem=0
}

bad_run() {
	csdoc=$1 bad_runner=${2:-}
	case $csdoc in /*) ;; *) csdoc=$(pwd)/$csdoc ;; esac
	bad_bounds "$csdoc" "$bad_runner"
	work=$(mktemp -d)
	cp tests/bad/*.xml tests/bad/*.png tests/bad/*.csv "$work/"
	# the papers the bad meeting packs attach (not inputs themselves)
	cp -r tests/bad/papers "$work/"
	bad_generate "$work"
	for input in "$work"/*.xml; do
		name=$(basename "$input" .xml)
		[ "$name" = outside-link ] && continue
		want=tests/bad/$name.diag
		out=$work/out-$name
		mkdir -p "$out"
		# outputs from an earlier good build must survive a bad one
		echo old >"$out/$name.pdf"
		echo old >"$out/$name.html"
		# under valgrind the giant generated inputs would take many minutes
		if [ -n "$bad_runner" ]; then
			case $name in chart-million-points|huge-attribute|huge-text-node|over-size-limit) continue ;; esac
		fi
		(cd "$work" && /usr/bin/time -o "$work/$name.mem" -f %M timeout "$bad_time" "$csdoc" build -o "out-$name" -f pdf,html,xml "$name.xml") 2>"$work/$name.got"
		rc=$?
		if [ "$rc" = 1 ]; then ok "bad/$name: exit status 1"; else fail "bad/$name: exit status $rc, expected 1"; fi
		mem=$(tail -1 "$work/$name.mem")
		if [ "$bad_mem" = 0 ] || [ "${mem:-0}" -le "$bad_mem" ] 2>/dev/null; then
			ok "bad/$name: within ${bad_time}s and $bad_mem KB"
		else
			fail "bad/$name: used $mem KB, more than $bad_mem"
		fi
		if [ -f "$want" ]; then
			same_file "bad/$name: diagnostics" "$want" "$work/$name.got"
		else
			fail "bad/$name: no expected diagnostics $want (make regress-update)"
		fi
		if [ "$(ls "$out" | sort | tr '\n' ' ')" = "$name.html $name.pdf " ] &&
		    [ "$(cat "$out/$name.pdf" "$out/$name.html")" = "old
old" ]; then
			ok "bad/$name: nothing written or overwritten"
		else
			fail "bad/$name: output directory changed: $(ls "$out" | tr '\n' ' ')"
		fi
	done
	# a FIFO named like a source is refused at once, not read forever
	mkfifo "$work/pipe.xml"
	timeout 10 "$csdoc" check "$work/pipe.xml" 2>"$work/pipe.got"
	rc=$?
	if [ "$rc" = 3 ] && grep -q 'not a regular file' "$work/pipe.got"; then
		ok "bad/pipe: a FIFO is refused"
	else
		fail "bad/pipe: exit status $rc"
	fi
	rm -rf "$work/../outside-$$" "$work"
}
