# tests/regress/run.sh: every sample compiles with its expected diagnostics and compiled tree, and its PDF and HTML pass their checks (sourced by run-all.sh).

# Every line of the sample's running text is in the PDF's text.  Only the
# body of each A4 page is read (the running header and footer would split a
# paragraph that runs over a page).  White space and hyphens are left out on
# both sides: lines break anywhere, and pdftotext joins a word broken at a
# hyphen.
pdf_has_text() {
	pdf=$1 compiled=$2
	pdftotext -enc UTF-8 -x 0 -y 58 -W 2000 -H 726 "$pdf" - | tr -d ' \n\t\f\r-' >"$pdf.txt"
	xsltproc tests/regress/text.xsl "$compiled" | sed 's/¦/\n/g' | while IFS= read -r line; do
		[ -z "$line" ] && continue
		want=$(printf '%s' "$line" | tr -d ' \t-')
		grep -qF -- "$want" "$pdf.txt" || { echo "missing from PDF: $line"; return 1; }
	done
}

# The structure tree has the tags a reader of STRUCTURE needs (read with
# qpdf's JSON), and there is a bookmark per heading.
pdf_structure() {
	pdf=$1 compiled=$2
	qpdf --json --json-key=qpdf "$pdf" | grep -o '"/S": "/[A-Za-z0-9]*"' | sort -u >"$pdf.tags"
	for t in Document H1 H2 P; do
		grep -q "\"/$t\"" "$pdf.tags" || { echo "no /$t element"; return 1; }
	done
	# every kind of block the source has shows up as its tag
	if grep -q '<table' "$compiled"; then
		for t in Table TR TH TD; do grep -q "\"/$t\"" "$pdf.tags" || { echo "no /$t"; return 1; }; done
	fi
	if grep -q '<ul\|<ol' "$compiled"; then
		for t in L LI Lbl LBody; do grep -q "\"/$t\"" "$pdf.tags" || { echo "no /$t"; return 1; }; done
	fi
	if grep -q '<a href' "$compiled"; then
		grep -q '"/Link"' "$pdf.tags" || { echo "no /Link"; return 1; }
	fi
	# the language, the title shown in the window, XMP metadata (added after cairo)
	qpdf --json --json-key=qpdf "$pdf" >"$pdf.json"
	grep -q '"/Lang": "u:en-GB"' "$pdf.json" || { echo "no /Lang en-GB"; return 1; }
	grep -q '"/DisplayDocTitle": true' "$pdf.json" || { echo "no DisplayDocTitle"; return 1; }
	grep -q '"/Type": "/Metadata"' "$pdf.json" || { echo "no XMP metadata"; return 1; }
	# as many bookmarks as headings
	marks=$(qpdf --json --json-key=outlines "$pdf" | grep -c '"title"')
	heads=$(qpdf --json --json-key=qpdf "$pdf" | grep -c '"/S": "/H[1-6]"')
	[ "$marks" -gt 0 ] && [ "$marks" -ge "$heads" ] || { echo "$marks bookmarks for $heads headings"; return 1; }
}

# Each figure's display form is in the HTML and in the PDF's text.
figures_shown() {
	compiled=$1 html=$2 pdftext=$3
	xsltproc tests/regress/displays.xsl "$compiled" | sort -u | while IFS= read -r d; do
		[ -z "$d" ] && continue
		grep -qF -- "$(printf '%s' "$d" | sed 's/&/\&amp;/g')" "$html" || { echo "not in HTML: $d"; return 1; }
		grep -qF -- "$(printf '%s' "$d" | tr -d ' \t-')" "$pdftext" || { echo "not in PDF: $d"; return 1; }
	done
}

regress_run() {
	csdoc=$1
	work=$(mktemp -d)
	for sample in samples/*.xml tests/regress/cases/*.xml; do
		name=$(basename "$sample" .xml)
		exp=tests/regress/$name

		"$csdoc" check "$sample" 2>"$work/$name.diag"
		rc=$?
		if [ -f "$exp.diag" ]; then
			same_file "regress/$name: diagnostics" "$exp.diag" "$work/$name.diag"
		else
			fail "regress/$name: no $exp.diag (make regress-update)"
		fi
		if grep -q ': error: ' "$work/$name.diag"; then want=1; else want=0; fi
		[ "$rc" = "$want" ] && ok "regress/$name: check exit status" || fail "regress/$name: check exit status $rc"

		"$csdoc" figures "$sample" >"$work/$name.figures" 2>/dev/null
		[ -f "$exp.figures" ] && same_file "regress/$name: figures" "$exp.figures" "$work/$name.figures"

		"$csdoc" build -o "$work" -f pdf,html,xml,csv,boxes "$sample" 2>/dev/null
		rc=$?
		[ "$rc" = 0 ] && ok "regress/$name: build" || { fail "regress/$name: build exit status $rc"; continue; }
		[ -f "$exp.compiled.xml" ] && same_file "regress/$name: compiled tree" "$exp.compiled.xml" "$work/$name.compiled.xml"
		[ -f "$exp.boxes" ] && same_file "regress/$name: pages and boxes" "$exp.boxes" "$work/$name.boxes"
		[ -f "$exp.html" ] && same_file "regress/$name: HTML" "$exp.html" "$work/$name.html"

		# the CSV holds the same figures, one record each, under a header
		if [ "$(head -1 "$work/$name.figures.csv")" = "$(printf 'document,id,kind,source,value,display,computed,check\r')" ] &&
		    [ "$(($(wc -l <"$work/$name.figures.csv") - 1))" = "$(wc -l <"$work/$name.figures")" ]; then
			ok "regress/$name: figures CSV"
		else
			fail "regress/$name: figures CSV does not match the figures listing"
		fi

		pdf=$work/$name.pdf
		check "regress/$name: qpdf --check" qpdf --check "$pdf"
		pdffonts "$pdf" >"$work/fonts" 2>&1
		if [ "$(tail -n +3 "$work/fonts" | awk '{ if ($(NF-4) != "yes") print }' | wc -l)" = 0 ] &&
		    [ "$(tail -n +3 "$work/fonts" | wc -l)" -gt 0 ]; then
			ok "regress/$name: every font embedded"
		else
			fail "regress/$name: a font is not embedded"; cat "$work/fonts"
		fi
		pdfinfo "$pdf" >"$work/info" 2>&1
		check "regress/$name: tagged PDF" grep -q '^Tagged: *yes' "$work/info"
		check "regress/$name: structure tags, language, metadata and bookmarks" pdf_structure "$pdf" "$work/$name.compiled.xml"
		check "regress/$name: PDF title" grep -q '^Title: *..' "$work/info"
		check "regress/$name: PDF author" grep -q '^Author: *..' "$work/info"
		check "regress/$name: PDF has the sample's text" pdf_has_text "$pdf" "$work/$name.compiled.xml"
		# the same input gives the same bytes
		mkdir -p "$work/again"
		"$csdoc" build -o "$work/again" -f pdf,html,csv,json "$sample" 2>/dev/null
		check "regress/$name: reproducible PDF" cmp -s "$pdf" "$work/again/$name.pdf"
		check "regress/$name: reproducible HTML" cmp -s "$work/$name.html" "$work/again/$name.html"
		check "regress/$name: reproducible figures CSV" cmp -s "$work/$name.figures.csv" "$work/again/$name.figures.csv"

		html=$work/$name.html
		check "regress/$name: HTML is en-GB" grep -q '<html lang="en-GB"' "$html"
		# a meeting pack's papers have pages of their own beside the agenda's
		pages_html=$html
		if [ -d "$work/$name" ]; then
			pages_html=$work/$name.all-pages
			cat "$html" "$work/$name"/*.html >"$pages_html"
			for page in "$work/$name"/*.html; do
				check "regress/$name: $(basename "$page") links back to the agenda" grep -q "href=\"../$name.html\"" "$page"
				check "regress/$name: the agenda links $(basename "$page")" grep -q "href=\"$name/$(basename "$page")\"" "$html"
			done
		fi
		check "regress/$name: HTML and PDF show every figure the same way" figures_shown "$work/$name.compiled.xml" "$pages_html" "$pdf.txt"
		check "regress/$name: HTML has a title" grep -q '<title>..*</title>' "$html"

		# a draft paper in an approved meeting pack says so on its own pages
		root_status=$(xmllint --xpath 'string(/*/@*[local-name()="status" and namespace-uri()="urn:csdoc:compiled:1"])' "$work/$name.compiled.xml" 2>/dev/null)
		if [ "$root_status" != draft ] && grep -q 'c:status="draft"' "$work/$name.compiled.xml"; then
			pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
			marked=0
			for p in $(seq 1 "$pages"); do
				pdftotext -f "$p" -l "$p" "$pdf" - | grep -q DRAFT && marked=$((marked + 1))
			done
			[ "$marked" -gt 0 ] && [ "$marked" -lt "$pages" ] && ok "regress/$name: DRAFT on the draft paper's pages only" ||
			    fail "regress/$name: DRAFT on $marked of $pages pages"
			check "regress/$name: DRAFT in the draft paper's HTML" grep -q 'DRAFT' "$pages_html"
		# a draft says so on every page and in the HTML
		elif grep -q 'c:status="draft"' "$work/$name.compiled.xml"; then
			pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
			marked=0
			for p in $(seq 1 "$pages"); do
				pdftotext -f "$p" -l "$p" "$pdf" - | grep -q DRAFT && marked=$((marked + 1))
			done
			[ "$marked" = "$pages" ] && ok "regress/$name: DRAFT on every page" ||
			    fail "regress/$name: DRAFT on $marked of $pages pages"
			check "regress/$name: DRAFT in the HTML" grep -q 'DRAFT' "$html"
		fi
	done

	# (the Nu HTML Checker checks every page in tests/web/run.sh)

	# A UTF-16 file with a byte order mark compiles exactly like its UTF-8 twin.
	first=$(ls samples/*.xml | head -1)
	sed 's/encoding="UTF-8"/encoding="UTF-16"/' "$first" | iconv -f UTF-8 -t UTF-16 >"$work/utf16.xml"
	cp "$first" "$work/utf8.xml"
	"$csdoc" build -o "$work/u" -f xml "$work/utf16.xml" "$work/utf8.xml" 2>/dev/null
	sed 's/c:source="[^"]*"//' "$work/u/utf16.compiled.xml" >"$work/u16"
	sed 's/c:source="[^"]*"//' "$work/u/utf8.compiled.xml" >"$work/u8"
	same_file "regress: UTF-16 source compiles like its UTF-8 twin" "$work/u8" "$work/u16"
	rm -rf "$work"
}
