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
	rm -rf "$work"
}
