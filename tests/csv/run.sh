# tests/csv/run.sh: tables from a spreadsheet — import-csv gives the rows a <rows> table makes, the same messages, and csdoc site rebuilds when a CSV changes (sourced by run-all.sh).

csv_run() {
	csdoc=$1
	case $csdoc in /*) ;; *) csdoc=$(pwd)/$csdoc ;; esac
	work=$(mktemp -d)
	mkdir -p "$work/file" "$work/typed"
	cases=tests/regress/cases

	# 1. the spending table typed from import-csv's rows compiles to the same tree as from its CSV
	cp "$cases/csv-report.xml" "$cases/csv-allocations.csv" "$cases/csv-spend.csv" "$work/file/"
	"$csdoc" import-csv --separator semicolon --columns text,money,money,money,percent,text \
	    "$cases/csv-spend.csv" >"$work/rows.xml" 2>"$work/import.err"
	rc=$?
	[ "$rc" = 0 ] && [ ! -s "$work/import.err" ] && ok "csv: import-csv reads the spending CSV" ||
	    fail "csv: import-csv exit status $rc: $(cat "$work/import.err")"
	cp "$cases/csv-allocations.csv" "$work/typed/"
	awk -v rows="$work/rows.xml" '
	    /<rows src="csv-spend.csv"/ { while ((getline l <rows) > 0) print "      " l; next }
	    { print }' "$cases/csv-report.xml" >"$work/typed/csv-report.xml"
	if grep -q 'csv-spend' "$work/typed/csv-report.xml" || ! grep -q '<row kind="total"><cell>Total</cell><cell>£20,000</cell>' "$work/typed/csv-report.xml"; then
		fail "csv: the imported rows did not replace <rows>"
	fi
	"$csdoc" build -f xml -o "$work/file/out" "$work/file/csv-report.xml" 2>"$work/file.err" &&
	    "$csdoc" build -f xml -o "$work/typed/out" "$work/typed/csv-report.xml" 2>"$work/typed.err"
	rc=$?
	[ "$rc" = 0 ] && ok "csv: both forms of the table build" || fail "csv: build exit status $rc"
	same_file "csv: import-csv's rows compile to the same tree as the CSV table" \
	    "$work/file/out/csv-report.compiled.xml" "$work/typed/out/csv-report.compiled.xml"
	grep -q 'c:fig-id="spend.total.variance" c:kind="money" c:value="-11750"' "$work/typed/out/csv-report.compiled.xml" &&
	    ok "csv: the imported total row is checked" || fail "csv: the imported total row is not checked"

	# 2. import-csv prints the headings as columns, and reads figures as a table does
	printf '\357\273\277District,Grant 2010/11,Change\r\n"Castle Point, Rochford","£1,000",(250)\r\nTotal,"£1,000",(250)\r\n' >"$work/h.csv"
	"$csdoc" import-csv --header --columns text,money,money "$work/h.csv" >"$work/h.got" 2>&1
	cat >"$work/h.want" <<'WANT'
<column id="district">District</column>
<column id="grant-2010-11" type="money">Grant 2010/11</column>
<column id="change" type="money">Change</column>
<row><cell>Castle Point, Rochford</cell><cell>£1,000</cell><cell>-250</cell></row>
<row kind="total"><cell>Total</cell><cell>£1,000</cell><cell>-250</cell></row>
WANT
	same_file "csv: import-csv --header prints columns and rows" "$work/h.want" "$work/h.got"

	# 3. the same reader, the same messages: import-csv of a bad file says what the table said
	(cd tests/bad && "$csdoc" import-csv --header --columns text,money,percent csv-bad-cells.csv) >"$work/bad.out" 2>"$work/bad.err"
	rc=$?
	[ "$rc" = 1 ] && [ ! -s "$work/bad.out" ] && ok "csv: import-csv of a bad file prints nothing, exit 1" ||
	    fail "csv: import-csv of a bad file: exit $rc, printed $(wc -c <"$work/bad.out") bytes"
	same_file "csv: import-csv reports a bad file's cells as the table does" tests/bad/csv-bad-cells.diag "$work/bad.err"
	"$csdoc" import-csv "$work/nowhere.csv" >/dev/null 2>&1
	rc=$?
	[ "$rc" = 3 ] && ok "csv: import-csv of a missing file exits 3" || fail "csv: import-csv of a missing file: exit $rc"
	"$csdoc" import-csv --columns text,pounds "$work/h.csv" >/dev/null 2>&1
	rc=$?
	[ "$rc" = 2 ] && ok "csv: import-csv with an unknown type exits 2" || fail "csv: import-csv --columns text,pounds: exit $rc"

	# 4. a check of a figure from the file names the file's row and column
	mkdir -p "$work/warn"
	cp "$cases/csv-report.xml" "$cases/csv-allocations.csv" "$work/warn/"
	sed 's/^Total;£20,000;/Total;£20,001;/' "$cases/csv-spend.csv" >"$work/warn/csv-spend.csv"
	(cd "$work/warn" && "$csdoc" check csv-report.xml) 2>"$work/warn.err"
	printf 'csv-spend.csv:3:2: warning: stated total £20,001; the rows sum to £20,000\n' >"$work/warn.want"
	same_file "csv: a wrong total in the file is reported at its row and column" "$work/warn.want" "$work/warn.err"

	# 5. csdoc site records the CSV: changing it rebuilds the document, and only then
	mkdir -p "$work/site-src"
	cp "$cases/csv-report.xml" "$cases/csv-allocations.csv" "$cases/csv-spend.csv" "$work/site-src/"
	"$csdoc" site -o "$work/site" "$work/site-src" >/dev/null 2>"$work/s1.err"
	"$csdoc" site -o "$work/site" "$work/site-src" >/dev/null 2>"$work/s2.err"
	grep -q '] unchanged ' "$work/s2.err" && ! grep -q '] built ' "$work/s2.err" &&
	    ok "csv: an unchanged CSV rebuilds nothing" || fail "csv: second site build: $(cat "$work/s2.err")"
	printf 'Q3;£5,000;£5,000;;10%%;""\n' >>"$work/site-src/csv-spend.csv"
	"$csdoc" site -o "$work/site" "$work/site-src" >/dev/null 2>"$work/s3.err"
	grep -q '] built ' "$work/s3.err" && ok "csv: a changed CSV rebuilds its document" ||
	    fail "csv: a changed CSV did not rebuild: $(cat "$work/s3.err")"
	grep -rq 'spend.r3.budget' "$work/site" && ok "csv: the rebuilt site has the CSV's new row" ||
	    fail "csv: the site's figures lack the CSV's new row"
	# 6. totals by any of their names, and headings wrapped or double-spaced in their cells
	mkdir -p "$work/names"
	cat >"$work/names/t.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report xmlns="urn:csdoc:1" id="testshire-names">
  <report-header>
    <body>Testshire Safer Communities Board</body>
    <title>Allocations</title>
    <date>2011-11-16</date>
  </report-header>
  <paper-section>
    <title>Allocations</title>
    <table id="alloc">
      <column id="csp">District</column>
      <column id="grant" type="money">Grant 2010/11</column>
      <column id="spend" type="money">Spend to date</column>
      <rows src="t.csv"/>
    </table>
  </paper-section>
</report>
XML
	printf 'District,"Grant\r\n2010/11","Spend  to\302\240date"\nBasildon,£100,£1\nHarlow,£50,£2\nSub-total:,£151,£3\nRochford,£10,£4\nGrand Total :,£161,£7\n' >"$work/names/t.csv"
	(cd "$work/names" && "$csdoc" check t.xml) 2>"$work/names.err"
	printf 't.csv:4:2: warning: stated subtotal £151; the rows sum to £150\nt.csv:6:2: warning: stated total £161; the rows sum to £160\n' >"$work/names.want"
	same_file "csv: Sub-total: and Grand Total : rows are checked totals; wrapped headings match" "$work/names.want" "$work/names.err"

	# 7. one file named by many tables: its cells count toward one limit for the document
	mkdir -p "$work/budget"
	awk 'BEGIN { for (i = 0; i < 10000; i++) { for (k = 0; k < 64; k++) printf "%s1", k ? "," : ""; print "" } }' >"$work/budget/big.csv"
	awk 'BEGIN { print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"; print "<report xmlns=\"urn:csdoc:1\" id=\"testshire-big\">";
	    print "<report-header><body>B</body><title>T</title><date>2011-11-16</date></report-header><paper-section><title>S</title>";
	    for (t = 0; t < 2; t++) { printf "<table id=\"t%d\">", t; for (k = 0; k < 64; k++) printf "<column id=\"c%d\">C%d</column>", k, k;
	        print ""; print "<rows src=\"big.csv\" header=\"no\"/></table>" }
	    print "</paper-section></report>" }' >"$work/budget/t.xml"
	(cd "$work/budget" && "$csdoc" check t.xml) 2>"$work/budget.err"
	rc=$?
	printf "t.xml:7:7: error: spreadsheet 'big.csv': with it the document's tables would have more than 640000 cells from spreadsheets\n" >"$work/budget.want"
	[ "$rc" = 1 ] && ok "csv: two tables of 640,000 cells from one file exit 1" || fail "csv: two tables of 640,000 cells: exit $rc"
	same_file "csv: the second table past the document's cells from spreadsheets is refused" "$work/budget.want" "$work/budget.err"

	# 8. import-csv --header: two columns headed alike get two ids; accented letters keep their letter
	printf 'Grant,Grant,Ann\303\251e\nx,y,z\n' >"$work/ids.csv"
	"$csdoc" import-csv --header "$work/ids.csv" 2>&1 | grep '<column' >"$work/ids.got"
	printf '<column id="grant">Grant</column>\n<column id="grant-2">Grant</column>\n<column id="annee">Ann\303\251e</column>\n' >"$work/ids.want"
	same_file "csv: import-csv --header makes unique ids, annee for Année" "$work/ids.want" "$work/ids.got"

	# 9. import-csv of an empty file: the input's fault, exit 1 (not 3, "cannot read")
	: >"$work/empty.csv"
	"$csdoc" import-csv "$work/empty.csv" >/dev/null 2>&1
	rc=$?
	[ "$rc" = 1 ] && ok "csv: import-csv of an empty file exits 1" || fail "csv: import-csv of an empty file: exit $rc"
	rm -rf "$work"
}
