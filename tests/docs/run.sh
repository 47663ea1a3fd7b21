# tests/docs/run.sh: every element and attribute of the schemas (the authoring kinds and print.xsd) is documented, and make docs writes a reference page per kind naming each of them (sourced by run-all.sh).
#
# docs_run REFGEN: REFGEN is the built doc/refgen.  The check of the
# annotations runs xsltproc over each schema with tests/docs/undocumented.xsl.

docs_kinds="minutes agreement performance-report report meeting-pack common"

docs_run() {
	refgen=$1
	work=$(mktemp -d)

	# 1. every declaration carries its words (the print tree's too, for stylesheet authors)
	missing=0
	for k in $docs_kinds print; do
		if ! xsltproc tests/docs/undocumented.xsl "schemas/$k.xsd" >"$work/undoc" 2>"$work/undoc.err"; then
			fail "docs: schemas/$k.xsd cannot be read"; cat "$work/undoc.err"
			missing=1
			continue
		fi
		if [ -s "$work/undoc" ]; then
			sed "s|^|  schemas/$k.xsd: no xs:documentation for |" "$work/undoc"
			missing=1
		fi
	done
	if [ "$missing" = 0 ]; then
		ok "docs: every element and attribute of the schemas (authoring kinds and print) is documented"
	else
		fail "docs: declarations without xs:documentation (listed above)"
	fi
	# the check itself notices a missing annotation
	sed '0,/<xs:documentation>/s|<xs:annotation><xs:documentation>[^<]*</xs:documentation></xs:annotation>||' \
	    schemas/minutes.xsd >"$work/minutes.xsd"
	if cmp -s schemas/minutes.xsd "$work/minutes.xsd"; then
		fail "docs: could not remove an annotation to test the check"
	elif [ -n "$(xsltproc tests/docs/undocumented.xsl "$work/minutes.xsd")" ]; then
		ok "docs: a declaration without documentation is reported"
	else
		fail "docs: a declaration without documentation is not reported"
	fi

	# 2. make docs: a page per kind and an index, each element and attribute on its kind's page
	# shellcheck disable=SC2046
	if ! "$refgen" "$work/docs" $(ls samples/*.xml samples/*/*.xml | sort) $(ls tests/regress/cases/*.xml | sort) >"$work/refgen.log" 2>&1; then
		fail "docs: refgen failed"; head -20 "$work/refgen.log"
		rm -rf "$work"
		return
	fi
	for k in index $docs_kinds; do
		[ -s "$work/docs/$k.html" ] || fail "docs: no page $k.html"
	done
	bad=0
	for k in $docs_kinds; do
		page="$work/docs/$k.html"
		[ -s "$page" ] || continue
		# each declaration is one section headed by its name
		want=$(xmllint --xpath 'count(//*[local-name()="element"][@name])' "schemas/$k.xsd")
		got=$(grep -o '<section class="decl"><h2 id="[^"]*"><code>&lt;[^&]*&gt;' "$page" | wc -l)
		if [ "$want" != "$got" ]; then
			echo "  $k.html: $got element sections, the schema declares $want"
			bad=1
		fi
		for e in $(xmllint --xpath '//*[local-name()="element"]/@name' "schemas/$k.xsd" | sed 's/ name="\([^"]*\)"/\1\n/g' | sort -u); do
			grep -q "<h2 id=\"$e\(-[0-9]*\)\?\"><code>&lt;$e&gt;</code>" "$page" ||
			    { echo "  $k.html: no entry for <$e>"; bad=1; }
		done
		for a in $(xmllint --xpath '//*[local-name()="attribute"]/@name' "schemas/$k.xsd" | sed 's/ name="\([^"]*\)"/\1\n/g' | sort -u); do
			# an attribute of a named type or group appears under the elements using it, on any page
			grep -q "<th scope=\"row\"><code>$a</code></th>" "$work"/docs/*.html ||
			    { echo "  $k: attribute $a is in no attribute table"; bad=1; }
		done
	done
	if [ "$bad" = 0 ]; then
		ok "docs: make docs writes every element and attribute on its kind's page"
	else
		fail "docs: the reference leaves something out (listed above)"
	fi
	# the words and the examples come from the schemas and the samples
	if grep -q 'The name as the document prints it' "$work/docs/common.html" &&
	    grep -q '&lt;attendee person="[a-z]*"' "$work/docs/minutes.html" &&
	    grep -q '&lt;risk-matrix id=' "$work/docs/report.html"; then
		ok "docs: the reference quotes the schemas' documentation and the samples' examples"
	else
		fail "docs: the reference lacks the schemas' words or the samples' examples"
	fi
	# every element has an example, from a sample where one uses it
	if grep -q 'No sample or test document uses it' "$work"/docs/*.html; then
		fail "docs: an element has no example (add it to a test document in tests/regress/cases/)"
	else
		ok "docs: every element has an example"
	fi
	if grep -q 'From <code>samples/safer-essex-agreement-2010-11.xml</code>' "$work/docs/agreement.html" &&
	    grep -q 'From <code>tests/regress/cases/csv-report.xml</code>' "$work/docs/common.html"; then
		ok "docs: each example names its document, a sample first"
	else
		fail "docs: the examples do not name the sample or test document they come from"
	fi
	# the examples show csdoc's vocabulary only: the samples' xsi:schemaLocation is for editors
	if grep -q 'schemaLocation' "$work"/docs/*.html; then
		fail "docs: an example shows the samples' xsi:schemaLocation"
	else
		ok "docs: the examples leave out the attributes meant for editors"
	fi
	rm -rf "$work"
}

# man_run: doc/csdoc.1 is clean mdoc (mandoc -T lint) and names every message
# of compiler/diag.c, as README's "Every message" table does; a message it
# lacks is named, so whoever adds one to diag.c knows what to document.
man_run() {
	page=doc/csdoc.1
	if ! command -v mandoc >/dev/null 2>&1; then
		fail "man: mandoc is not installed (Debian package mandoc; .ci/deps test installs it)"
		return
	fi
	if mandoc -T lint -W warning "$page" >/tmp/csdoc-man-lint.$$ 2>&1; then
		ok "man: mandoc -T lint finds no warnings in $page"
	else
		fail "man: mandoc -T lint warns about $page"; head -20 /tmp/csdoc-man-lint.$$
	fi
	rm -f /tmp/csdoc-man-lint.$$
	# the page as a reader sees it, on one line: no bold, no line breaks
	text=$(mandoc -T utf8 -O width=1000 "$page" | sed 's/.\x08//g' | tr -s ' \n\t' '   ')
	missing=$(sed -n 's/^\t\[D[NWEF]_[A-Z0-9_]*\] = "\(.*\)",$/\1/p' compiler/diag.c |
	    sed 's/\\"/"/g; s/%s/…/g; s/%d/N/g; s/%zu/N/g' | while IFS= read -r m; do
		[ "$m" = "…" ] && continue
		case "$text" in
		*"$m"*) ;;
		*) echo "  not in $page (DIAGNOSTICS): $m" ;;
		esac
	done)
	if [ -z "$missing" ]; then
		ok "man: $page documents every message of compiler/diag.c"
	else
		echo "$missing"
		fail "man: $page lacks messages of compiler/diag.c (listed above)"
	fi
	# every command csdoc's own usage names has its synopsis line
	for c in $("$csdoc" --help 2>&1 | sed -n 's/^ *\(usage:\)\{0,1\} *csdoc \([a-z][a-z-]*\).*/\2/p' | sort -u); do
		case "$text" in
		*"csdoc $c "*) ;;
		*) fail "man: command $c is not documented" ;;
		esac
	done
	for o in -o -f --strict -j --css --site-css --wrap --title --help --version \
	    --header --columns --separator --partnership --date -i CSDOC_DATA SOURCE_DATE_EPOCH; do
		case "$text" in
		*" $o"*) ;;
		*) fail "man: $o is not documented" ;;
		esac
	done
}
