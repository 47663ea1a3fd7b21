# tests/site/run.sh: csdoc site — a site from the samples, then rebuilds that change only what they must (sourced by run-all.sh).

# The files under DIR with their modification times, one per line (the manifest and index pages left out).
site_stamps() {
	(cd "$1" && find . -type f ! -path './.csdoc/*' ! -name index.html ! -name actions.html ! -name feed.atom \
	    ! -name '*.css' -printf '%p %T@\n' | sort)
}

site_run() {
	csdoc=$1 small=${2:-}
	case $csdoc in /*) ;; *) csdoc=$(pwd)/$csdoc ;; esac
	work=$(mktemp -d)
	mkdir -p "$work/src"
	if [ -n "$small" ]; then
		# under valgrind: one document of each kind the site treats apart (minutes, a pack)
		cp tests/regress/cases/features-minutes.xml tests/regress/cases/testshire-logo.png \
		    tests/regress/cases/report-small.xml tests/regress/cases/pack-small.xml \
		    tests/regress/cases/performance-small.xml "$work/src/"
	else
		cp -r samples/. "$work/src/"
	fi
	export SOURCE_DATE_EPOCH=1794000000
	n=$(find "$work/src" -name '*.xml' | wc -l)

	# 1. the whole site
	"$csdoc" site -j 2 -o "$work/site" "$work/src" >"$work/1.out" 2>"$work/1.err"
	rc=$?
	[ "$rc" = 0 ] && ok "site: builds (exit 0)" || { fail "site: exit status $rc"; tail -5 "$work/1.err"; }
	check "site: an index page" test -s "$work/site/index.html"
	check "site: an Atom feed that is XML" xmllint --noout "$work/site/feed.atom"
	[ "$(grep -c '<entry>' "$work/site/feed.atom")" = "$n" ] && ok "site: a feed entry per document" ||
	    fail "site: $(grep -c '<entry>' "$work/site/feed.atom") feed entries for $n documents"
	built=$(grep -c '] built ' "$work/1.err")
	[ "$built" = "$n" ] && ok "site: every source built once" || fail "site: $built of $n sources built"
	# every document: page, PDF, CSV and JSON at its stable address, each linked from its partnership's page
	missing=0
	for page in $(xmllint --xpath '//doc/@page' "$work/site/.csdoc/manifest.xml" 2>/dev/null | sed 's/ page="\([^"]*\)"/\1\n/g'); do
		for ext in html pdf figures.csv figures.json; do
			[ -s "$work/site/$page.$ext" ] || { echo "missing: $page.$ext"; missing=$((missing + 1)); }
		done
		slug=${page%%/*}
		grep -q "href=\"${page#*/}.html\"" "$work/site/$slug/index.html" || { echo "not linked: $page"; missing=$((missing + 1)); }
	done
	[ "$missing" = 0 ] && ok "site: every document's page, PDF, CSV and JSON, linked from its partnership" ||
	    fail "site: $missing outputs missing or unlinked"
	check "site: the JSON figures parse" sh -c "for f in \$(find '$work/site' -name '*.figures.json'); do xmllint --version >/dev/null 2>&1; python3 -c 'import json,sys; json.load(open(sys.argv[1]))' \"\$f\" || exit 1; done"
	if [ -z "$small" ]; then
		check "site: an action tracker per partnership with minutes" test -s "$work/site/safer-essex/actions.html"
		check "site: the tracker lists open actions by owner with their age" grep -q 'Age (days)' "$work/site/safer-essex/actions.html"
	fi

	# 2. again: nothing changed, nothing rebuilt
	site_stamps "$work/site" >"$work/stamps1"
	"$csdoc" site -j 2 -o "$work/site" "$work/src" >/dev/null 2>"$work/2.err"
	[ "$(grep -c '] unchanged ' "$work/2.err")" = "$n" ] && ok "site: a second build rebuilds nothing" ||
	    fail "site: the second build rebuilt $(grep -c '] built ' "$work/2.err") sources"
	site_stamps "$work/site" >"$work/stamps2"
	same_file "site: a second build leaves every output as it was" "$work/stamps1" "$work/stamps2"

	# 3. one source touched: it alone is rebuilt
	one=$(find "$work/src" -maxdepth 1 -name '*minutes*.xml' | sort | head -1)
	printf '<!-- touched -->\n' >>"$one"
	"$csdoc" site -j 2 -o "$work/site" "$work/src" >/dev/null 2>"$work/3.err"
	rebuilt=$(grep '] built ' "$work/3.err" | sed 's/.* built //')
	# a pack attaching the touched minutes is rebuilt with them
	if [ "$rebuilt" = "$one" ] || { [ "$(echo "$rebuilt" | head -1)" = "$one" ] || echo "$rebuilt" | grep -qx "$one"; } &&
	    [ "$(echo "$rebuilt" | grep -vx "$one" | grep -vc 'pack')" = 0 ]; then
		ok "site: a touched source rebuilds itself (and a pack attaching it) only"
	else
		fail "site: touching $(basename "$one") rebuilt: $(echo $rebuilt)"
	fi

	# 4. a broken source: reported, exit 1, its previous pages and everything else stay
	site_stamps "$work/site" >"$work/stamps3"
	cp "$one" "$work/saved.xml"
	printf '<minutes xmlns="urn:csdoc:1"><broken/></minutes>\n' >"$one"
	"$csdoc" site -j 2 -o "$work/site" "$work/src" >/dev/null 2>"$work/4.err"
	rc=$?
	[ "$rc" = 1 ] && ok "site: a broken source makes the exit status 1" || fail "site: exit status $rc with a broken source"
	check "site: the broken source's diagnostics are printed" grep -q "$(basename "$one"):[0-9]*:[0-9]*: error" "$work/4.err"
	site_stamps "$work/site" >"$work/stamps4"
	same_file "site: a broken source leaves every page in place" "$work/stamps3" "$work/stamps4"
	cp "$work/saved.xml" "$one"

	# files csdoc did not make are never touched, even in folders it tidies
	mkdir -p "$work/site/assets/fonts" "$work/site/about"
	echo font >"$work/site/assets/fonts/a.woff"
	echo page >"$work/site/about/index.html"
	# 5. a source removed: its outputs go
	gone=$(xmllint --xpath "string(//doc[@src='$(basename "$one")']/@page)" "$work/site/.csdoc/manifest.xml")
	rm "$one"
	"$csdoc" site -j 2 -o "$work/site" "$work/src" >/dev/null 2>"$work/5.err"
	if [ -n "$gone" ] && [ ! -e "$work/site/$gone.html" ] && [ ! -e "$work/site/$gone.pdf" ] &&
	    ! grep -q "$gone" "$work/site/index.html"; then
		ok "site: a removed source's outputs vanish, and the index forgets it"
	else
		fail "site: the outputs of a removed source ($gone) remain"
	fi

	if [ -s "$work/site/assets/fonts/a.woff" ] && [ -s "$work/site/about/index.html" ]; then
		ok "site: files the web team put in the site stay"
	else
		fail "site: files csdoc did not make were removed"
	fi
	rm -rf "$work/site/assets" "$work/site/about"

	# 6. in parallel or not, the same site
	# (both from scratch: the site above keeps pages of sources that failed since)
	"$csdoc" site -j 2 -o "$work/parallel" "$work/src" >/dev/null 2>&1
	"$csdoc" site -j 1 -o "$work/serial" "$work/src" >/dev/null 2>&1
	if diff -r -x .csdoc "$work/parallel" "$work/serial" >/dev/null; then
		ok "site: -j 2 and -j 1 make the same site"
	else
		fail "site: -j 2 and -j 1 differ"; diff -rq -x .csdoc "$work/parallel" "$work/serial" | head -5
	fi
	# 7. the web team's own look: their stylesheet and their banner and footer on every page
	mkdir -p "$work/theme" "$work/one"
	cp tests/regress/cases/report-small.xml "$work/one/"
	printf '/* the council */\nbody { color: #111; }\n' >"$work/theme/council.css"
	cat >"$work/theme/wrap.xsl" <<'XSL'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="site-header"><div class="council-banner">Testshire County Council</div></xsl:template>
  <xsl:template name="site-footer"><div class="council-footer">Council footer</div></xsl:template>
</xsl:stylesheet>
XSL
	"$csdoc" site --css "$work/theme/council.css" --wrap "$work/theme/wrap.xsl" -o "$work/themed" "$work/one" >/dev/null 2>&1
	page=$(find "$work/themed" -name '*report-small.html')
	if [ -n "$page" ] && grep -q 'council-banner' "$page" && grep -q 'Council footer' "$page" &&
	    grep -q 'council-banner' "$work/themed/index.html" && cmp -s "$work/theme/council.css" "$(dirname "$page")/csdoc.css"; then
		ok "site: --wrap puts the web team's banner and footer on every page, --css their stylesheet"
	else
		fail "site: --wrap or --css not applied"
	fi
	# a wrapper with more than the two templates is refused: it could replace csdoc's pages
	printf '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"/></xsl:stylesheet>\n' >"$work/theme/bad.xsl"
	"$csdoc" site --wrap "$work/theme/bad.xsl" -o "$work/bad" "$work/one" >/dev/null 2>"$work/bad.err"
	rc=$?
	[ "$rc" = 2 ] && grep -q 'may hold only' "$work/bad.err" && ok "site: a wrapper with other templates is refused" ||
	    fail "site: a wrapper with other templates: exit status $rc"

	# the XSLT sandbox: a wrapper reading a local file or writing one is refused and reported
	cat >"$work/theme/sneaky.xsl" <<XSL
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:template name="site-header"><div><xsl:copy-of select="document('$work/theme/council.css')"/></div>
    <exsl:document href="$work/theme/written.txt" method="text">written</exsl:document>
  </xsl:template>
</xsl:stylesheet>
XSL
	"$csdoc" site --wrap "$work/theme/sneaky.xsl" -o "$work/sneaky" "$work/one" >/dev/null 2>"$work/sneaky.err"
	rc=$?
	if [ "$rc" != 0 ] && grep -q 'refused\|denied' "$work/sneaky.err" && ! [ -e "$work/theme/written.txt" ] &&
	    ! grep -rq 'the council' "$work/sneaky" 2>/dev/null; then
		ok "site: a stylesheet reading or writing files is refused and reported (XSLT sandbox)"
	else
		fail "site: the XSLT sandbox let a wrapper read or write (exit $rc)"
	fi

	# two sources with one file name in two folders: two pages, and removing one keeps the other
	mkdir -p "$work/twin/a" "$work/twin/b"
	cp tests/regress/cases/report-small.xml "$work/twin/a/paper.xml"
	sed 's/Evaluation of Grant Funded Posts/Another Paper/' tests/regress/cases/report-small.xml >"$work/twin/b/paper.xml"
	"$csdoc" site -o "$work/twins" "$work/twin" >/dev/null 2>&1
	pages=$(find "$work/twins" -name '*paper.html' | wc -l)
	rm "$work/twin/b/paper.xml"
	"$csdoc" site -o "$work/twins" "$work/twin" >/dev/null 2>&1
	left=$(find "$work/twins" -name '*paper.html' | wc -l)
	[ "$pages" = 2 ] && [ "$left" = 1 ] && ok "site: two sources with one file name get two pages; removing one keeps the other" ||
	    fail "site: two sources named alike: $pages pages, then $left"
	# the tracker: a group's minutes filed under their partnership, a joint action on each owner's
	# list, an action closed by the next minutes' action updates; odd file names linked escaped
	mkdir -p "$work/track"
	for m in 1 2; do
		if [ "$m" = 1 ]; then date=2012-01-11 updates=''; act='<action owner="ab cd">Write the plan.</action><action owner="ab">Book the hall.</action>'
		else date=2012-02-08 act='' updates='<action-updates from="2012-01-11"><carried number="2" lead="ab" status="closed"><task>Book the hall.</task><progress>Booked.</progress></carried></action-updates>'; fi
		cat >"$work/track/minutes $m #x.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<minutes xmlns="urn:csdoc:1">
  <meeting><body>Testshire Tasking Group</body><partnership>Safer Testshire</partnership><date>$date</date></meeting>
  <registry><person id="ab" name="Anne Brown"/><person id="cd" name="Chris Dunn"/></registry>
  <attendance><present><attendee person="ab" chair="yes"/><attendee person="cd"/></present></attendance>
  <item><title>Business</title><p>Text.</p>$updates$act</item>
</minutes>
XML
	done
	"$csdoc" site --site-css "$work/theme/council.css" -o "$work/tracked" "$work/track" >/dev/null 2>"$work/track.err"
	t=$work/tracked/safer-testshire/actions.html
	if [ -s "$t" ] && [ "$(grep -o 'Write the plan' "$t" | wc -l)" = 2 ] &&
	    [ "$(sed 's/Closed actions.*//' "$t" | grep -c 'Book the hall')" = 0 ] && grep -q 'Book the hall' "$t"; then
		ok "site: the tracker files a group under its partnership, a joint action under each owner, and closes what later minutes closed"
	else
		fail "site: the action tracker is wrong"; cat "$work/track.err"
	fi
	grep -q 'href="minutes/2012-01-11-minutes%201%20%23x.html"' "$work/tracked/safer-testshire/index.html" &&
	    ok "site: a file name with a space and a '#' is linked escaped" || fail "site: an odd file name's link is not escaped"
	cmp -s "$work/theme/council.css" "$work/tracked/site.css" && ok "site: --site-css publishes the web team's site.css" ||
	    fail "site: --site-css not applied"
	unset SOURCE_DATE_EPOCH
	rm -rf "$work"
}
