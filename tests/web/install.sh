#!/bin/sh
# tests/web/install.sh: install the web checks' npm packages, exact versions, into build/web when npm is there and they are not (never a browser: puppeteer-core downloads none, and the checks drive Debian's /usr/bin/chromium).
# .ci/run and `make test` call it; without npm (or a network) it says so and leaves the checks to say what is missing.
cd "$(dirname "$0")/../.." || exit 3
dir=build/web
# The versions the checks were written against: change them here only.
pkgs="vnu-jar@26.9.27 axe-core@4.14.1 puppeteer-core@24.43.1"

installed() {
	for p in $pkgs; do
		name=${p%@*} version=${p##*@}
		grep -q "\"version\": \"$version\"" "$dir/node_modules/$name/package.json" 2>/dev/null || return 1
	done
}

installed && exit 0
if ! command -v npm >/dev/null 2>&1; then
	echo "note: npm is not installed: the web checks' packages ($pkgs) cannot be installed"
	exit 0
fi
mkdir -p "$dir"
echo "csdoc: installing the web checks' npm packages into $dir: $pkgs"
# shellcheck disable=SC2086
if ! PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$dir" --save-exact --no-audit --no-fund --no-update-notifier \
    --loglevel=error $pkgs >"$dir/install.log" 2>&1; then
	echo "note: npm install failed (no network?); see $dir/install.log"
	tail -5 "$dir/install.log"
fi
exit 0
