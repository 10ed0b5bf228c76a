# parallax - build, test, demo.  See README.md for the two commands.
#
#   make            release build: build/release/{libparallax.a,parallax}
#   make demo       install deps, build, run the main job on examples/
#   make check      install deps, build with ASan+UBSan, run every test
#   make bench      build release, run every benchmark (prints tables)
#   make fuzz       build the libFuzzer targets with clang (build/fuzz/)
#   make mpi        build/MODE/parallax-mpi when Open MPI is installed
#                   (optional: nothing else needs MPI; docs/mpi.md)
#   make format     clang-format the tree
#
# Sources are discovered: src/**/*.c is the library (except src/cli/),
# src/cli/*.c the program, tests/unit/test_*.c one cmocka binary each,
# fuzz/fuzz_*.c one libFuzzer binary each, bench/*.c one binary each.

MODE    ?= release
BUILD   := build/$(MODE)
CC      ?= cc
PKGS    := libutf8proc libxxhash sqlite3 jansson zlib libzstd \
           libxml-2.0 libmicrohttpd
# pkg-config runs lazily (recursive =) so `make deps` can install first.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lstemmer -lm -lpthread

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wpointer-arith -Wvla
CSTD    := -std=c11 -D_GNU_SOURCE
ifeq ($(MODE),asan)
  OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
         -fno-sanitize-recover=undefined
  LDSAN := -fsanitize=address,undefined
else ifeq ($(MODE),debug)
  OPT := -O0 -g
else
  OPT := -O2 -g -DNDEBUG
endif
CFLAGS  = $(CSTD) $(WARN) $(OPT) -Iinclude -Isrc -pthread $(PKG_CFLAGS) \
          $(EXTRA_CFLAGS)
LDFLAGS = $(LDSAN) -pthread $(EXTRA_LDFLAGS)

LIB_SRC  := $(shell find src -name '*.c' -not -path 'src/cli/*' \
              -not -path 'src/mpi/*' | sort)
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
BENCH_SRC:= $(sort $(wildcard bench/*.c))
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libparallax.a
BIN      := $(BUILD)/parallax
TESTS    := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCHES  := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

.PHONY: all deps demo check test unit cli-tests bench fuzz format format-check clean tidy mpi
all: $(BIN)

deps:
	@./scripts/deps

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(PKG_LIBS) -lcmocka

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(PKG_LIBS)

# The test command of the README: deps, sanitizer build, every test.
check: deps
	$(MAKE) MODE=asan test

test: $(BIN) $(TESTS)
	@./tests/run $(BUILD)

demo: deps
	$(MAKE) MODE=release all
	@./scripts/demo build/release/parallax

bench: $(BIN) $(BENCHES)
	@./bench/run $(BUILD)

fuzz:
	$(MAKE) MODE=fuzz CC=clang EXTRA_CFLAGS='-fsanitize=fuzzer-no-link,address,undefined' lib-only
	@mkdir -p build/fuzz/bin
	@for f in $(FUZZ_SRC); do \
	  n=$$(basename $$f .c); \
	  clang $(CSTD) -g -O1 -Iinclude -Isrc $(PKG_CFLAGS) \
	    -fsanitize=fuzzer,address,undefined $$f build/fuzz/libparallax.a \
	    $(PKG_LIBS) -o build/fuzz/bin/$$n || exit 1; \
	done

lib-only: $(LIB)

# The optional Open MPI driver: flags from pkg-config (ompi-c), else mpicc.
MPI_SRC  := $(sort $(wildcard src/mpi/*.c))
MPI_BIN  := $(BUILD)/parallax-mpi
mpi:
	@if pkg-config --exists ompi-c; then \
	  $(MAKE) $(MPI_BIN) MPI_CFLAGS="$$(pkg-config --cflags ompi-c)" \
	    MPI_LIBS="$$(pkg-config --libs ompi-c)"; \
	elif mpicc -showme >/dev/null 2>&1; then \
	  $(MAKE) $(MPI_BIN) MPI_CFLAGS="$$(mpicc -showme:compile)" \
	    MPI_LIBS="$$(mpicc -showme:link)"; \
	else echo "make mpi: Open MPI not found (apt-get install" \
	  "libopenmpi-dev openmpi-bin)" >&2; exit 1; fi

$(MPI_BIN): $(MPI_SRC) $(wildcard src/mpi/*.h) $(LIB)
	$(CC) $(CFLAGS) $(MPI_CFLAGS) -o $@ $(MPI_SRC) $(LIB) $(LDFLAGS) \
	  $(MPI_LIBS) $(PKG_LIBS)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

# Fails when a tracked C file is not clang-format clean (run by .ci/run).
format-check:
	clang-format --dry-run -Werror $$(git ls-files '*.c' '*.h')

tidy:
	clang-tidy -quiet $(LIB_SRC) $(CLI_SRC) -- $(CSTD) -Iinclude -Isrc $(PKG_CFLAGS)

clean:
	rm -rf build

# make install [PREFIX=/usr/local] [DESTDIR=]: program, library, headers,
# man pages.
PREFIX ?= /usr/local
.PHONY: install
install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	  $(DESTDIR)$(PREFIX)/include/parallax $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/parallax
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libparallax.a
	install -m 644 include/parallax.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 include/parallax/*.h $(DESTDIR)$(PREFIX)/include/parallax/
	install -m 644 docs/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
