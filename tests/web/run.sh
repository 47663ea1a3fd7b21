# tests/web/run.sh: the web team's checks over every page csdoc writes, meeting packs' paper pages and the vocabulary reference (make docs) included: the Nu HTML Checker finds no errors, and tests/web/a11y.js (axe-core at WCAG 2.1 AA, keyboard, reflow, in headless Debian Chromium) no problems (sourced by run-all.sh).
#
# The tools are npm packages in build/web (tests/web/install.sh, which
# `make test` and .ci/run call), java and /usr/bin/chromium.  When one is
# missing the check fails if CSDOC_WEB_CHECKS=required (.ci/run sets it),
# and otherwise says what is missing and is skipped.

web_modules=build/web/node_modules

# The Nu HTML Checker's jar, if installed.
vnu_jar() {
	for j in "$web_modules/vnu-jar/build/dist/vnu.jar" /usr/share/java/vnu.jar; do
		[ -f "$j" ] && { echo "$j"; return 0; }
	done
	return 1
}

# web_missing NAME WHAT: a tool is not installed.
web_missing() {
	if [ "${CSDOC_WEB_CHECKS:-}" = required ]; then
		fail "web: $1: not installed ($2)"
	else
		echo "note: web: $1 not checked: not installed ($2; tests/web/install.sh installs the npm packages)"
	fi
}

web_run() {
	csdoc=$1
	# $2: doc/refgen, to check the reference's pages too
	work=$(mktemp -d)
	# one call for every page: the samples and the regression cases
	if "$csdoc" build -f html -o "$work" samples/*.xml tests/regress/cases/*.xml >"$work/build.log" 2>&1; then
		ok "web: every sample's HTML builds"
	else
		fail "web: a sample's HTML does not build"; grep ': error: ' "$work/build.log" | head -10
	fi
	# and a site's own pages: its index, a partnership's page and action tracker
	if SOURCE_DATE_EPOCH=1794000000 "$csdoc" site -o "$work/site" samples >"$work/site.log" 2>&1; then
		ok "web: the samples' site builds"
	else
		fail "web: the samples' site does not build"; grep ': error: ' "$work/site.log" | head -10
	fi
	# and the vocabulary reference (make docs), when its generator is built
	refgen=${2:-}
	if [ -n "$refgen" ] && [ -x "$refgen" ]; then
		# shellcheck disable=SC2046
		if "$refgen" "$work/docs" $(ls samples/*.xml samples/*/*.xml | sort) >"$work/docs.log" 2>&1; then
			ok "web: the vocabulary reference builds"
		else
			fail "web: the vocabulary reference does not build"; head -10 "$work/docs.log"
		fi
	fi
	# the site's document pages are the pages above, in other places: its own pages are new
	find "$work/site" -maxdepth 2 \( -name index.html -o -name actions.html \) >"$work/site-pages"
	find "$work" -path "$work/site" -prune -o -name '*.html' -print | cat - "$work/site-pages" | sort >"$work/pages"
	if ! [ -s "$work/pages" ]; then
		fail "web: no pages to check"
		rm -rf "$work"
		return
	fi

	if jar=$(vnu_jar) && command -v java >/dev/null 2>&1; then
		# shellcheck disable=SC2046
		if java -jar "$jar" --errors-only --also-check-css $(cat "$work/pages") "$work/csdoc.css" "$work/site/site.css" >"$work/vnu.txt" 2>&1; then
			ok "web: Nu HTML Checker finds no errors in $(wc -l <"$work/pages") pages"
		else
			fail "web: Nu HTML Checker errors"; sed "s|file:$work/||" "$work/vnu.txt" | head -30
		fi
	else
		web_missing "Nu HTML Checker" "npm vnu-jar in build/web, and java: Debian default-jre-headless"
	fi

	chromium=${CHROMIUM:-/usr/bin/chromium}
	if ! command -v node >/dev/null 2>&1; then
		web_missing "axe-core and keyboard checks" "node: Debian nodejs"
	elif ! [ -x "$chromium" ]; then
		web_missing "axe-core and keyboard checks" "$chromium: Debian chromium"
	elif ! [ -f "$web_modules/axe-core/axe.min.js" ] || ! [ -d "$web_modules/puppeteer-core" ]; then
		web_missing "axe-core and keyboard checks" "npm axe-core and puppeteer-core in build/web"
	else
		# shellcheck disable=SC2046
		(cd "$work" && node "$OLDPWD/tests/web/a11y.js" $(sed "s|^$work/||" "$work/pages")) >"$work/a11y.txt" 2>&1
		rc=$?
		if [ "$rc" = 0 ]; then
			ok "web: axe-core (WCAG 2.1 AA), keyboard and reflow: no problems in $(wc -l <"$work/pages") pages"
		elif [ "$rc" = 1 ]; then
			fail "web: axe-core, keyboard or reflow problems"; head -60 "$work/a11y.txt"
		else
			fail "web: tests/web/a11y.js could not run"; tail -20 "$work/a11y.txt"
		fi
	fi
	rm -rf "$work"
}
