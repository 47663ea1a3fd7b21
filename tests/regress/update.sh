#!/bin/sh
# tests/regress/update.sh CSDOC: rewrite the expected outputs of the samples and the bad inputs from the current build; review the diff before committing.
cd "$(dirname "$0")/../.." || exit 3
csdoc=$(pwd)/$1
CSDOC_DATA=$(pwd)
export CSDOC_DATA
work=$(mktemp -d)
for sample in samples/*.xml tests/regress/cases/*.xml; do
	name=$(basename "$sample" .xml)
	"$csdoc" check "$sample" 2>"tests/regress/$name.diag"
	"$csdoc" figures "$sample" >"tests/regress/$name.figures" 2>/dev/null
	"$csdoc" build -o "$work" -f xml,boxes,html "$sample" 2>/dev/null
	cp "$work/$name.compiled.xml" "tests/regress/$name.compiled.xml"
	cp "$work/$name.html" "tests/regress/$name.html"
	[ -f "$work/$name.boxes" ] && cp "$work/$name.boxes" "tests/regress/$name.boxes"
done
. tests/bad/run.sh
cp tests/bad/*.xml tests/bad/*.png tests/bad/*.csv "$work/"
cp -r tests/bad/papers "$work/"
bad_generate "$work"
for input in "$work"/*.xml; do
	name=$(basename "$input" .xml)
	case " $(echo $bad_generated) " in *" $name "*) ;; *) [ -f "tests/bad/$name.xml" ] || continue ;; esac
	[ "$name" = outside-link ] && continue
	(cd "$work" && "$csdoc" check "$name.xml") 2>"tests/bad/$name.diag"
done
rm -rf "$work/../outside-$$" "$work"
git status --short tests/regress tests/bad
echo "review with: git diff tests/"
