# tests/messages.sh: every message in compiler/diag.c is documented in README.md (sourced by run-all.sh).
messages_run() {
	missing=0
	sed -n 's/^\t\[D[NWEF]_[A-Z0-9_]*\] = "\(.*\)",$/\1/p' compiler/diag.c |
	    sed 's/\\"/"/g; s/%s/…/g; s/%d/N/g; s/%zu/N/g' | while IFS= read -r m; do
		[ "$m" = "…" ] && continue
		grep -qF -- "\`$m\`" README.md || { echo "not in README.md: $m"; exit 1; }
	done && ok "README documents every message" || fail "README documents every message"
}
