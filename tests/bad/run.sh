# tests/bad/run.sh: every hostile or broken input gives exactly its expected diagnostics, exit status 1, and writes nothing (sourced by run-all.sh).

# Inputs too large to keep in git are made here.
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
}

bad_run() {
	csdoc=$1
	case $csdoc in /*) ;; *) csdoc=$(pwd)/$csdoc ;; esac
	work=$(mktemp -d)
	cp tests/bad/*.xml tests/bad/*.png "$work/"
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
		(cd "$work" && timeout 30 "$csdoc" build -o "out-$name" -f pdf,html,xml "$name.xml") 2>"$work/$name.got"
		rc=$?
		if [ "$rc" = 1 ]; then ok "bad/$name: exit status 1"; else fail "bad/$name: exit status $rc, expected 1"; fi
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
