#!/bin/sh
# tests/fuzz/dict.sh SCHEMA...: a libFuzzer dictionary of the schemas' element and attribute names and enumerated values.
for xsd in "$@"; do
	sed -n 's/.*<xs:element name="\([^"]*\)".*/"<\1" "<\/\1>"/p' "$xsd" | tr ' ' '\n'
	sed -n 's/.*<xs:attribute name="\([^"]*\)".*/" \1=\\""/p' "$xsd"
	sed -n 's/.*<xs:enumeration value="\([^"\\]*\)".*/"\1"/p' "$xsd"
done | sort -u
