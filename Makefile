# wiretrace - one non-recursive Makefile.
#
#   make            build wiretrace and libwiretrace.a (installs missing Debian
#                   packages first when run as root)
#   make check      build and run every test: unit, golden CLI, and the same
#                   unit and CLI tests again under ASan and UBSan
#   make demo       build and run the main job on samples/
#   make fuzz       build the libFuzzer targets (clang)
#   make mpi        build wiretrace-mpi (installs Open MPI first when run as root)
#   make bench      run the benchmarks in bench/
#   make install PREFIX=/usr/local

.DEFAULT_GOAL := all
CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
PKGS    := libutf8proc icu-uc libxxhash jansson zlib gumbo sqlite3 libmicrohttpd
DEBS    := pkg-config libutf8proc-dev libicu-dev libxxhash-dev libjansson-dev zlib1g-dev libgumbo-dev libsqlite3-dev libmicrohttpd-dev libcmocka-dev
FUZZ_DEBS := clang libclang-rt-14-dev
MPI_DEBS  := libopenmpi-dev openmpi-bin
BROWSER_DEBS := chromium
MPICC   ?= mpicc

# Install missing Debian packages once, before anything is compiled.
DEPS_STAMP := $(BUILD)/.deps
$(DEPS_STAMP): Makefile
	@sh tools/deps.sh $(DEBS)
	@mkdir -p $(BUILD) && touch $@

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

WARN    := -Wall -Wextra -Wpedantic -Werror -Wshadow -Wno-unused-parameter
OPT     ?= -O2 -g
CFLAGS_ALL = -std=c11 $(OPT) $(WARN) -D_DEFAULT_SOURCE -Iinclude -Isrc $(PKG_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lpthread -lm

LIB_SRC := $(sort $(wildcard src/*/*.c))
CLI_SRC := $(sort $(wildcard tools/wiretrace/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TESTS   := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

all: $(BUILD)/wiretrace
	@ln -sf $(BUILD)/wiretrace wiretrace

$(BUILD)/%.o: %.c $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/libwiretrace.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

libwiretrace.a: $(BUILD)/libwiretrace.a

$(BUILD)/wiretrace: $(CLI_OBJ) $(BUILD)/libwiretrace.a
	$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(BUILD)/libwiretrace.a $(LDLIBS_ALL) $(LDFLAGS)

# wiretrace-mpi: `run` over the ranks of an MPI job, built wherever Open
# MPI's compiler is installed (`make mpi` installs it, as root).
CLI_LIB_OBJ := $(filter-out $(BUILD)/tools/wiretrace/main.o,$(CLI_OBJ))
HAVE_MPI = $(shell command -v $(MPICC) >/dev/null 2>&1 && echo 1)

$(BUILD)/wiretrace-mpi: tools/wiretrace-mpi/main.c $(CLI_LIB_OBJ) $(BUILD)/libwiretrace.a
	$(MPICC) $(CFLAGS_ALL) -o $@ $< $(CLI_LIB_OBJ) $(BUILD)/libwiretrace.a $(LDLIBS_ALL) $(LDFLAGS)

mpi:
	@sh tools/deps.sh $(DEBS) $(MPI_DEBS)
	@$(MAKE) --no-print-directory $(BUILD)/wiretrace-mpi

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libwiretrace.a tests/unit/helpers.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(BUILD)/libwiretrace.a $(LDLIBS_ALL) $(CMOCKA_LIBS) $(LDFLAGS)

tests: $(TESTS) $(BUILD)/wiretrace $(if $(HAVE_MPI),$(BUILD)/wiretrace-mpi)

# Unit tests, then golden CLI tests, for this build directory.
check-one: tests
	@sh tests/run.sh $(BUILD)

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# Both builds always run; the summary's closing line and status decide.
check: all
	-@sh tools/deps.sh $(MPI_DEBS) || echo "wiretrace: without Open MPI the MPI test is skipped"
	-@sh tools/deps.sh $(BROWSER_DEBS) || echo "wiretrace: without chromium the browser test is skipped"
	@rm -f $(BUILD)/test-counts build-san/test-counts # a build that fails counts as failed
	-@$(MAKE) --no-print-directory check-one
	-@$(MAKE) --no-print-directory check-one BUILD=build-san OPT="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined"
	@sh tests/summary.sh build build-san

demo: all
	./$(BUILD)/wiretrace run samples/

FUZZERS := $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
fuzz:
	@sh tools/deps.sh $(DEBS) $(FUZZ_DEBS)
	@$(MAKE) --no-print-directory $(FUZZERS) BUILD=build-fuzz CC=clang \
	  OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -DWT_PAR_MIN=1 -DWT_PAR_WINDOW=64"

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_check.h build-fuzz/libwiretrace.a
	clang $(CFLAGS_ALL) -fsanitize=fuzzer,address,undefined -o $@ $< build-fuzz/libwiretrace.a $(LDLIBS_ALL)

$(BUILD)/bench_stages: bench/bench_stages.c $(BUILD)/libwiretrace.a
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libwiretrace.a $(LDLIBS_ALL) $(LDFLAGS)

$(BUILD)/bench_floor: bench/floor.c $(DEPS_STAMP)
	$(CC) -std=c11 $(OPT) $(WARN) -o $@ $< $(LDFLAGS)

bench: all $(BUILD)/bench_stages $(BUILD)/bench_floor
	@sh bench/run.sh
	@echo
	@sh bench/extract.sh
	@echo
	@WT=$(BUILD)/wiretrace sh bench/load.sh 10
	@echo
	@WT=$(BUILD)/wiretrace sh bench/scale.sh 20000
	@echo
	@WT=$(BUILD)/wiretrace sh bench/peers.sh 20000

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/wiretrace $(DESTDIR)$(PREFIX)/bin/
	if [ -x $(BUILD)/wiretrace-mpi ]; then install -m 755 $(BUILD)/wiretrace-mpi $(DESTDIR)$(PREFIX)/bin/; fi
	install -m 644 $(BUILD)/libwiretrace.a $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/wiretrace.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 docs/wiretrace.1 $(DESTDIR)$(PREFIX)/share/man/man1/

clean:
	rm -rf build build-san build-fuzz wiretrace

.PHONY: all check check-one tests demo fuzz bench install clean libwiretrace.a mpi
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
