# tests/hostile/run.sh: hostile but valid inputs (sourced by run-all.sh).  Each
# is within csdoc's documented limits, so each must build: exit status 0,
# within a time and memory bound, a PDF that qpdf --check accepts, an HTML
# page, and no text drawn past the page's right margin.  The inputs are made
# here rather than kept in git.

# hostile_generate DIR: write the inputs into DIR.
hostile_generate() {
	dir=$1
	head='<?xml version="1.0" encoding="UTF-8"?>
<minutes xmlns="urn:csdoc:1">
  <meeting><body>Test Board</body><date>2011-03-10</date></meeting>
  <registry><person id="pw" name="Paul Warren"/></registry>
  <item>
    <title>Business</title>'
	tail='  </item>
</minutes>'
	# a table of 10,000 rows, with a total
	{ echo "$head"
	  echo '<table id="t"><caption>Ten thousand rows</caption><column id="n">Name</column><column id="v" type="count">Value</column>'
	  awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "<row><cell>Row %d</cell><cell>%d</cell></row>\n", i, i }'
	  echo '<row kind="total"><cell>Total</cell><cell/></row></table>'
	  echo "$tail"; } >"$dir/table-10000-rows.xml"
	# a word of 100,000 characters, in a board paper
	sed -n '1,/<p>A 40% cut/p' tests/regress/cases/report-small.xml | sed '$d' >"$dir/word-100000.xml"
	{ printf '    <p>'; head -c 100000 /dev/zero | tr '\0' 'w'; echo '</p>'
	  echo '  </paper-section>'; echo '</report>'; } >>"$dir/word-100000.xml"
	# a table cell of 10,000 lines, and a list entry of 10,000 lines
	{ echo "$head"
	  echo '<table id="t"><caption>Tall cell</caption><column id="n">Name</column><column id="v">Notes</column><row><cell>One</cell><cell>'
	  awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "line %d<br/>\n", i }'
	  echo '</cell></row></table>'
	  echo '<ul><li>'
	  awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "entry line %d<br/>\n", i }'
	  echo '</li></ul>'
	  echo "$tail"; } >"$dir/cell-10000-lines.xml"
	# lists nested 8 deep (the limit) with the longest labels a format allows
	{ echo "$head"
	  awk 'BEGIN { for (i = 0; i < 8; i++) printf "<ol format=\"WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW 1\" start=\"999999\"><li>level %d has some words in it</li><li>and more", i; for (i = 0; i < 8; i++) printf "</li></ol>"; print "" }'
	  echo "$tail"; } >"$dir/lists-8-deep.xml"
	# inline elements nested 16 deep (the limit) inside 8 nested lists inside a table cell
	{ echo "$head"
	  printf '<table id="t"><caption>Deep</caption><column id="n">Name</column><row><cell>'
	  awk 'BEGIN { for (i = 0; i < 8; i++) printf "<ol><li>x"; printf "<p>"; for (i = 0; i < 4; i++) printf "<em><strong><a href=\"http://example.org/\"><q>"; printf "deep words"; for (i = 0; i < 4; i++) printf "</q></a></strong></em>"; printf "</p>"; for (i = 0; i < 8; i++) printf "</li></ol>" }'
	  echo '</cell></row></table>'
	  echo "$tail"; } >"$dir/inline-16-deep.xml"
	# a bar chart of 500 categories (the limit) and 12 series (the limit)
	{ echo "$head"
	  printf '<chart id="c" type="bar" data="t" label="n" axis="N"><caption>Most</caption>'
	  for s in 1 2 3 4 5 6 7 8 9 10 11 12; do printf '<series column="v%d"/>' "$s"; done
	  printf '</chart>\n<table id="t"><caption>T</caption><column id="n">N</column>'
	  for s in 1 2 3 4 5 6 7 8 9 10 11 12; do printf '<column id="v%d" type="count">V</column>' "$s"; done
	  awk 'BEGIN { for (i = 0; i < 500; i++) { printf "<row><cell>c%d</cell>", i; for (s = 1; s <= 12; s++) printf "<cell>%d</cell>", (i * s) % 97; print "</row>" } }'
	  echo '</table>'
	  echo "$tail"; } >"$dir/chart-500-categories.xml"
	# UTF-16 with and without a byte order mark, and ISO-8859-1, each declared
	cp tests/regress/cases/testshire-logo.png "$dir/"
	sed 's/encoding="UTF-8"/encoding="UTF-16"/' tests/regress/cases/features-minutes.xml |
	    iconv -f UTF-8 -t UTF-16 >"$dir/utf16-bom.xml"
	sed 's/encoding="UTF-8"/encoding="UTF-16"/' tests/regress/cases/features-minutes.xml |
	    iconv -f UTF-8 -t UTF-16BE >"$dir/utf16-nobom.xml"
	sed 's/encoding="UTF-8"/encoding="ISO-8859-1"/' tests/regress/cases/performance-small.xml |
	    iconv -f UTF-8 -t ISO-8859-1//TRANSLIT >"$dir/latin1.xml"
}

hostile_run() {
	csdoc=$1 hrunner=${2:-}
	case $csdoc in /*) ;; *) csdoc=$(pwd)/$csdoc ;; esac
	# seconds and KB of resident memory for each build; ASan and valgrind
	# runs are slower and larger (under valgrind only the smaller inputs run)
	htime=60 hmem=1000000
	case $csdoc in *asan*) htime=300 hmem=4000000 ;; esac
	[ -n "$hrunner" ] && htime=900 hmem=0
	work=$(mktemp -d)
	hostile_generate "$work"
	for input in "$work"/*.xml; do
		name=$(basename "$input" .xml)
		if [ -n "$hrunner" ]; then
			case $name in table-10000-rows|cell-10000-lines|word-100000) continue ;; esac
		fi
		out=$work/out-$name
		start=$(date +%s)
		(cd "$work" && /usr/bin/time -o "$work/$name.mem" -f %M timeout "$htime" \
		    "$csdoc" build -o "out-$name" -f pdf,html,boxes "$name.xml") >/dev/null 2>"$work/$name.err"
		rc=$?
		secs=$(($(date +%s) - start))
		mem=$(tail -1 "$work/$name.mem")
		if [ "$rc" = 0 ]; then
			ok "hostile/$name: builds"
		else
			fail "hostile/$name: exit status $rc: $(head -3 "$work/$name.err")"
			continue
		fi
		if [ "$hmem" = 0 ] || [ "${mem:-0}" -le "$hmem" ] 2>/dev/null; then
			ok "hostile/$name: ${secs}s, $mem KB (bounds ${htime}s, $hmem KB)"
		else
			fail "hostile/$name: used $mem KB, more than $hmem"
		fi
		if qpdf --check "$out/$name.pdf" >/dev/null 2>&1 && [ -s "$out/$name.html" ]; then
			ok "hostile/$name: qpdf accepts the PDF; HTML written"
		else
			fail "hostile/$name: the PDF or HTML is bad"
		fi
		# every text box ends inside the page's right margin (20 mm)
		over=$(awk '$1 == "page" { w[$2] = $3; next }
		    ($2 == "text" || $2 == "run") && $3 + $5 > w[$1] - 56.69 + 0.5 { n++ }
		    END { print n + 0 }' "$out/$name.boxes")
		if [ "$over" = 0 ]; then
			ok "hostile/$name: nothing drawn past the margin"
		else
			fail "hostile/$name: $over text boxes past the right margin"
		fi
	done
	rm -rf "$work"
}

# suggest_cost_run CSDOC [RUNNER]: 20,000 figures with 64-letter ids and 200
# references to ids that are not there, each sharing all but its last five
# letters with every id: comparing each with each filled 200 x 20,000 tables
# of 64 x 64 and took tens of seconds.  With one budget of comparisons for
# the compile, each is checked (exit status 1, an error for every one) in
# seconds.  A figure ref and a cross-reference each have their own source.
suggest_cost_run() {
	csdoc=$1 srunner=${2:-}
	# under valgrind, a plain build's bound would not say anything
	[ -n "$srunner" ] && return 0
	sbound=10
	case $csdoc in *asan*) sbound=120 ;; esac
	work=$(mktemp -d)
	for kind in figure xref; do
		{ printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
		    '<report xmlns="urn:csdoc:1" id="t-m">' \
		    '<report-header><body>B</body><title>T</title><written-by>A</written-by><action>N.</action><date>2011-11-16</date></report-header>' \
		    '<paper-section><title>S</title>'
		  awk -v kind=$kind 'BEGIN {
			pad = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			for (i = 0; i < 20000; i++) printf "<p><figure id=\"f%s%05d\" type=\"count\">1</figure></p>\n", pad, i
			for (i = 0; i < 200; i++)
				if (kind == "figure") printf "<p><figure ref=\"g%sxyz%02d\"/></p>\n", pad, i
				else printf "<p><xref ref=\"g%sxyz%02d\"/></p>\n", pad, i
		  }'
		  echo '</paper-section></report>'; } >"$work/$kind.xml"
		start=$(date +%s)
		timeout $((sbound * 3)) "$csdoc" check "$work/$kind.xml" >/dev/null 2>"$work/$kind.err"
		rc=$?
		secs=$(($(date +%s) - start))
		n=$(grep -c ': error: ' "$work/$kind.err")
		if [ "$rc" = 1 ] && [ "$n" -ge 200 ] && [ "$secs" -le "$sbound" ]; then
			ok "hostile/suggest-$kind: 200 unknown references among 20,000 ids checked in ${secs}s (bound ${sbound}s)"
		else
			fail "hostile/suggest-$kind: exit status $rc, $n errors, ${secs}s (bound ${sbound}s)"
		fi
	done
	rm -rf "$work"
}

# net_run CSDOC: a listener on 127.0.0.1 records every connection; sources
# naming it as DTD, parameter entity, XInclude, schema location, stylesheet,
# link, picture, used document and paper — and the whole bad corpus, pointed
# at it — are checked, built in every format and made into a site; the
# listener must have heard nothing.
net_run() {
	csdoc=$1
	case $csdoc in /*) ;; *) csdoc=$(pwd)/$csdoc ;; esac
	work=$(mktemp -d)
	/usr/bin/python3 tests/hostile/listener.py "$work/port" "$work/log" &
	lpid=$!
	i=0
	while [ ! -s "$work/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	port=$(cat "$work/port" 2>/dev/null)
	if [ -z "$port" ]; then
		fail "net: the listener did not start"
		kill "$lpid" 2>/dev/null
		rm -rf "$work"
		return
	fi
	url=http://127.0.0.1:$port
	# the listener hears a request when one is made
	/usr/bin/python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1]).read()" "$url/probe" >/dev/null 2>&1
	if grep -q probe "$work/log" 2>/dev/null; then
		ok "net: the listener records requests"
	else
		fail "net: the listener records nothing, so its silence proves nothing"
	fi
	: >"$work/log"
	src=$work/src
	mkdir -p "$src"
	cp tests/bad/*.xml tests/bad/*.png "$src/"
	cp -r tests/bad/papers "$src/"
	sed -i "s|127\.0\.0\.1:9/|127.0.0.1:$port/|g" "$src"/*.xml
	head='<?xml version="1.0" encoding="UTF-8"?>'
	body='<meeting><body>Test Board</body><date>2011-03-10</date></meeting>
  <registry><person id="pw" name="Paul Warren"/></registry>'
	printf '%s\n<!DOCTYPE minutes SYSTEM "%s/a.dtd">\n<minutes xmlns="urn:csdoc:1">%s</minutes>\n' "$head" "$url" "$body" >"$src/net-dtd.xml"
	printf '%s\n<!DOCTYPE minutes [<!ENTITY %% p SYSTEM "%s/p.dtd"> %%p;]>\n<minutes xmlns="urn:csdoc:1">%s</minutes>\n' "$head" "$url" "$body" >"$src/net-parameter.xml"
	printf '%s\n<!DOCTYPE minutes [<!ENTITY e SYSTEM "%s/e.txt">]>\n<minutes xmlns="urn:csdoc:1">%s<item><title>&e;</title></item></minutes>\n' "$head" "$url" "$body" >"$src/net-entity.xml"
	printf '%s\n<minutes xmlns="urn:csdoc:1" xmlns:xi="http://www.w3.org/2001/XInclude">%s<item><title>T</title><p><xi:include href="%s/x.xml" parse="text"/></p></item></minutes>\n' "$head" "$body" "$url" >"$src/net-xinclude.xml"
	printf '%s\n<minutes xmlns="urn:csdoc:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:csdoc:1 %s/s.xsd">%s<item><title>T</title></item></minutes>\n' "$head" "$url" "$body" >"$src/net-schema-location.xml"
	printf '%s\n<minutes xmlns="urn:csdoc:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="%s/n.xsd">%s<item><title>T</title></item></minutes>\n' "$head" "$url" "$body" >"$src/net-no-namespace-schema.xml"
	# these two are valid: they must build, and still fetch nothing
	printf '%s\n<?xml-stylesheet type="text/xsl" href="%s/s.xsl"?>\n<minutes xmlns="urn:csdoc:1">%s<item><title>T</title><p>See <a href="%s/link">this</a>, <a href="//127.0.0.1:%s/x">that</a>.</p></item></minutes>\n' "$head" "$url" "$body" "$url" "$port" >"$src/net-link.xml"
	printf '%s\n<minutes xmlns="urn:csdoc:1">%s<item><title>T</title><image src="logo.png" alt="%s/alt.png"/></item></minutes>\n' "$head" "$body" "$url" >"$src/net-image-alt.xml"
	cp tests/regress/cases/testshire-logo.png "$src/logo.png"
	printf '%s\n<minutes xmlns="urn:csdoc:1">%s<item><title>T</title><image src="%s/i.png" alt="x"/></item></minutes>\n' "$head" "$body" "$url" >"$src/net-image.xml"
	printf '%s\n<minutes xmlns="urn:csdoc:1"><meeting><body>B</body><date>2011-03-10</date></meeting><registry><person id="pw" name="P"/></registry><uses href="%s/u.xml" as="u"/><item><title>T</title></item></minutes>\n' "$head" "$url" >"$src/net-uses.xml"
	printf '%s\n<meeting-pack xmlns="urn:csdoc:1" date="2012-05-16"><body>B</body><agenda><agenda-item><title>T</title><paper href="%s/p.xml" kind="report"/></agenda-item></agenda></meeting-pack>\n' "$head" "$url" >"$src/net-paper.xml"
	(cd "$src" && timeout 120 "$csdoc" check ./*.xml) >/dev/null 2>&1
	(cd "$src" && timeout 300 "$csdoc" build -o "$work/out" -f pdf,html,xml,csv,json,boxes,print ./*.xml) >/dev/null 2>&1
	(cd "$src" && timeout 120 "$csdoc" figures net-link.xml) >/dev/null 2>&1
	if [ -s "$work/out/net-link.pdf" ] && [ -s "$work/out/net-image-alt.html" ]; then
		ok "net: the valid sources naming the listener build"
	else
		fail "net: net-link.xml or net-image-alt.xml did not build"
	fi
	site_src=$work/site-src
	mkdir -p "$site_src"
	cp "$src"/net-*.xml "$src/logo.png" "$site_src/"
	timeout 300 "$csdoc" site "$site_src" -o "$work/site" >/dev/null 2>&1
	sleep 0.5
	if [ ! -s "$work/log" ]; then
		ok "net: compiling the hostile corpus made no network request"
	else
		fail "net: requests were made: $(head -5 "$work/log" | tr '\n' ' ')"
	fi
	kill "$lpid" 2>/dev/null
	wait "$lpid" 2>/dev/null
	rm -rf "$work"
}
