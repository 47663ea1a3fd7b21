# Makefile: build csdoc, render the samples into out/, run the tests.
#
#   make            check/install packages, build compiler/csdoc, render samples/*.xml into out/
#   make test       build and run every test (unit, regress, bad inputs, web pages)
#   make asan       the tests again with AddressSanitizer and UBSan
#   make valgrind   the tests again under valgrind
#   make bench      speed and memory against the floor, WeasyPrint, Chromium and xsltproc (QUICK=1 RUNS=3 for a short run)
#   make fuzz       libFuzzer targets (clang), FUZZ_TIME seconds each; not part of make test
#   make docs       the vocabulary reference, one HTML page per kind, into out/docs
#   make install    PREFIX=/usr/local DESTDIR= (the binary, its data, the manual page)
#   make regress-update   rewrite tests/regress expectations (review the diff)

PREFIX  ?= /usr/local
DATADIR ?= $(PREFIX)/share/csdoc
CC      ?= cc
PKG_CONFIG ?= pkg-config
PKGS    := libxml-2.0 libxslt cairo pango pangocairo pangoft2 fontconfig libqpdf

# BUILD holds objects; sanitizer and valgrind runs use their own.
BUILD   ?= build/default
CSDOC   ?= compiler/csdoc
SAN     ?=
OPT     ?= -O2

VERSION := 0.1.0
CFLAGS  ?= $(OPT) -g
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -Wall -Wextra -Werror -Wshadow \
	-Wstrict-prototypes -Wmissing-prototypes $(CFLAGS) $(SAN) \
	-DCSDOC_VERSION='"$(VERSION)"' -DCSDOC_DATADIR='"$(DATADIR)"' \
	$(if $(QPDF_SONAME),-DQPDF_SONAME='"$(QPDF_SONAME)"') \
	$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null) -Icompiler
ALL_LDFLAGS = $(LDFLAGS) $(SAN)
# libqpdf is loaded when a PDF needs it (compiler/qpdfdl.c), not linked;
# the unit tests that read PDFs with it link it themselves.
QPDF_SONAME := $(shell objdump -p "$$($(PKG_CONFIG) --variable=libdir libqpdf 2>/dev/null)/libqpdf.so" 2>/dev/null | sed -n 's/^ *SONAME *//p')
LIBS = $(shell $(PKG_CONFIG) --libs $(filter-out libqpdf,$(PKGS)) 2>/dev/null) -lhyphen -lm
QPDF_LIBS = $(shell $(PKG_CONFIG) --libs libqpdf 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

# Every layer's sources; main.c is the command line only.
LIB_SRC := $(filter-out compiler/main.c,$(wildcard compiler/*.c compiler/*/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/compiler/main.o
LIB_A   := $(BUILD)/libcsdoc.a
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

SAMPLES := $(wildcard samples/*.xml)
# The reference's examples come from every sample, a pack's papers included,
# then from the test documents for what no sample uses.
DOC_SAMPLES := $(sort $(SAMPLES) $(wildcard samples/*/*.xml)) $(sort $(wildcard tests/regress/cases/*.xml))
REFGEN  := $(BUILD)/refgen
SAMPLE_PDF := $(SAMPLES:samples/%.xml=out/%.pdf)

.PHONY: all deps deps-test web-tools build samples docs test unit bench asan valgrind fuzz fuzz-build install install-files uninstall clean regress-update

all: deps build samples

deps:
	@.ci/deps build

build: $(CSDOC)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB_A): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(CSDOC): $(MAIN_OBJ) $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $(MAIN_OBJ) $(LIB_A) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB_A) $(LIBS) $(QPDF_LIBS) $(CMOCKA_LIBS)

# One build call for all samples: each is compiled on its own, and a bad one
# does not stop the others.
samples: $(CSDOC)
	@mkdir -p out
	./$(CSDOC) build -o out -f pdf,html,xml,csv $(SAMPLES)
	./$(CSDOC) site -j 2 samples -o out/site

test: deps-test web-tools $(CSDOC) $(UNIT_BIN) $(REFGEN)
	@tests/run-all.sh "$(CSDOC)" "$(BUILD)/tests" "$(RUNNER)"

# The vocabulary reference: doc/refgen.c runs stylesheets/docs/reference.xsl
# over the schemas (csdoc's own XSLT layer, so xsltproc is not needed).
docs: $(REFGEN)
	CSDOC_DATA=$(CURDIR) $(REFGEN) out/docs $(DOC_SAMPLES)

$(REFGEN): doc/refgen.c $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB_A) $(LIBS)

deps-test:
	@.ci/deps test

# The web checks' npm packages (vnu-jar, axe-core, puppeteer-core; exact
# versions) into build/web, when npm is there and they are missing.  Their
# Debian packages (chromium, nodejs, npm, default-jre-headless) are
# `.ci/deps web`, which .ci/run installs.
web-tools:
	@tests/web/install.sh

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $(RUNNER) $$t || exit 1; done

regress-update: $(CSDOC)
	@tests/regress/update.sh "$(CSDOC)"

# Speed and memory against the floor and the peers (bench/README.md); not part of make test.
bench: $(CSDOC) $(BUILD)/bench/floor
	@.ci/deps bench
	@bench/run.sh "$(CSDOC)" "$(BUILD)/bench/floor"

$(BUILD)/bench/floor: bench/floor.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror $(shell $(PKG_CONFIG) --cflags libxml-2.0 pangocairo cairo) -o $@ $< $(shell $(PKG_CONFIG) --libs libxml-2.0 pangocairo cairo)

# libFuzzer (tests/fuzz/README.md): the library rebuilt with clang into
# build/fuzz, one target per layer, each run FUZZ_TIME seconds on its corpus
# in build/fuzz/corpus; crashes go to build/fuzz/crashes.  Not part of make test.
FUZZ_TIME ?= 60
FUZZ_TARGETS := compile expr typeset csv
FUZZ_SAN := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

fuzz: $(CSDOC)
	@.ci/deps fuzz
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang OPT=-O1 SAN="$(FUZZ_SAN)" fuzz-build
	@tests/fuzz/run.sh "$(CSDOC)" build/fuzz "$(FUZZ_TIME)" $(FUZZ_TARGETS)

fuzz-build: $(FUZZ_TARGETS:%=$(BUILD)/fuzz_%)

# The targets link libFuzzer's main; the library only has its coverage hooks.
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB_A) $(LIBS)

# G_SLICE=always-malloc: glib 2.74 keeps per-thread slice magazines that a
# leak checker can catch half torn down as a thread ends (glib's advice for
# leak checking); every allocation is then a plain malloc the checkers follow.
# CSDOC_FREE_AT_EXIT: csdoc frees the last document's trees and its cached
# stylesheets and schemas before exiting, which it otherwise leaves to the
# end of the process (main.c).
asan:
	CSDOC_FREE_AT_EXIT=1 G_SLICE=always-malloc LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(MAKE) BUILD=build/asan CSDOC=build/asan/csdoc OPT=-O1 \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		test

valgrind:
	CSDOC_FREE_AT_EXIT=1 G_SLICE=always-malloc $(MAKE) BUILD=build/valgrind CSDOC=build/valgrind/csdoc OPT=-O1 \
		RUNNER="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=$(CURDIR)/tests/valgrind.supp" \
		test

install: $(CSDOC)
	@$(MAKE) --no-print-directory install-files

# install-files copies without rebuilding; the tests use it on the binary they test.
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(DATADIR)/schemas $(DESTDIR)$(DATADIR)/templates \
		$(DESTDIR)$(DATADIR)/stylesheets/html $(DESTDIR)$(DATADIR)/stylesheets/print
	install -m 755 $(CSDOC) $(DESTDIR)$(PREFIX)/bin/csdoc
	install -m 644 doc/csdoc.1 $(DESTDIR)$(PREFIX)/share/man/man1/csdoc.1
	install -m 644 schemas/*.xsd schemas/catalog.xml $(DESTDIR)$(DATADIR)/schemas/
	install -m 644 templates/*.xml $(DESTDIR)$(DATADIR)/templates/
	install -m 644 stylesheets/html/* $(DESTDIR)$(DATADIR)/stylesheets/html/
	install -m 644 stylesheets/print/* $(DESTDIR)$(DATADIR)/stylesheets/print/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/csdoc $(DESTDIR)$(PREFIX)/share/man/man1/csdoc.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build $(CSDOC)
	find out -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)
