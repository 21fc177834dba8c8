# Builds the report generator (gen/gen), generates out/, and runs the tests.
#
#   make          install missing Debian packages, build, generate out/
#   make check    build with ASan+UBSan and run every test
#   make bench    time and measure a full generation
#   make fuzz     run every libFuzzer harness in fuzz/ for FUZZ_TIME seconds
#
# Sources are picked up by wildcard: gen/<stage>/*.c is the program (one
# folder per stage of the pipeline, README "How it is built"), gen/main.c and
# gen/sav_export_main.c its two entry points, charts/*.c the chart library,
# tests/unit/test_*.c one cmocka binary each. Dependencies on headers come
# from the compiler (-MMD -MP), so a change to one header rebuilds only the
# objects that include it.

CC      ?= cc
PKGS    := libxml-2.0 cairo cairo-pdf cairo-svg cairo-png pangocairo pango libqpdf libpng
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN    := -std=c17 -Wall -Wextra -Werror -Wno-unused-parameter
DEFS    := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
GEN_DIRS := base input numbers document template html pdf site
INCS    := -Igen $(addprefix -Igen/,$(GEN_DIRS)) -Icharts
LIBS     = $(PKG_LIBS) -lreadstat -lhyphen -lm

MODE    ?= release
ifeq ($(MODE),asan)
OPT     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else ifeq ($(MODE),fuzz)
# libFuzzer needs clang; the library is instrumented for coverage and built
# with ASan+UBSan. Warnings are not errors here: clang warns differently.
CC      := clang
OPT     := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
WARN    := $(filter-out -Werror,$(WARN))
else
OPT     := -O2 -g
endif
B       := build/$(MODE)
NPROC   := $(shell nproc 2>/dev/null || echo 2)

GEN_MAIN  := gen/main.c
GEN_SRC   := $(foreach d,$(GEN_DIRS),$(wildcard gen/$(d)/*.c))
CHART_SRC := $(wildcard charts/*.c)
LIB_OBJ   := $(patsubst %.c,$(B)/%.o,$(GEN_SRC) $(CHART_SRC))
TEST_SRC  := $(wildcard tests/unit/test_*.c)
TEST_BIN  := $(patsubst tests/unit/%.c,$(B)/tests/%,$(TEST_SRC))

FUZZ_SRC  := $(wildcard fuzz/fuzz_*.c)
FUZZ_BIN  := $(patsubst fuzz/%.c,$(B)/fuzz/%,$(FUZZ_SRC))
FUZZ_TIME ?= 60

.PHONY: all deps build out check check-deps tests-bin bench clean reconstruct fuzz fuzz-bin

all: deps
	$(MAKE) -j$(NPROC) build
	$(MAKE) out

deps:
	@tools/install-deps.sh

check-deps:
	@tools/install-deps.sh --check

build: $(B)/bin/gen $(B)/bin/sav-export
	@cp $(B)/bin/gen gen/gen
	@cp $(B)/bin/sav-export gen/sav-export

out: build
	./gen/gen --input input --templates templates --out out --variant all

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(OPT) $(DEFS) $(INCS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

-include $(LIB_OBJ:.o=.d) $(B)/gen/main.d $(B)/gen/sav_export_main.d $(TEST_BIN:=.d) $(FUZZ_BIN:=.d)

$(B)/libreport.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/bin/gen: $(B)/gen/main.o $(B)/libreport.a
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -o $@ $^ $(LIBS)

$(B)/bin/sav-export: $(B)/gen/sav_export_main.o $(B)/libreport.a
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -o $@ $^ $(LIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libreport.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(OPT) $(DEFS) $(INCS) $(PKG_CFLAGS) -MMD -MP -MF $@.d $(shell pkg-config --cflags cmocka) \
	  -o $@ $< $(B)/libreport.a $(LIBS) $(shell pkg-config --libs cmocka)

tests-bin: $(TEST_BIN) $(B)/bin/gen $(B)/bin/sav-export

# libFuzzer harnesses (fuzz/fuzz_*.c), one binary each; use with MODE=fuzz.
$(B)/fuzz/%: fuzz/%.c fuzz/fuzz_common.h $(B)/libreport.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(OPT) -fsanitize=fuzzer $(DEFS) $(INCS) $(PKG_CFLAGS) -MMD -MP -MF $@.d -o $@ $< $(B)/libreport.a $(LIBS)

fuzz-bin: $(FUZZ_BIN)

# make check: release build for out/, sanitizer build for the tests, then run all.
check: check-deps
	$(MAKE) -j$(NPROC) build
	$(MAKE) -j$(NPROC) MODE=asan tests-bin
	$(MAKE) -j$(NPROC) MODE=fuzz fuzz-bin
	tests/run.sh build/asan

# make fuzz: every harness for FUZZ_TIME seconds (default 60) on its seed
# corpus in fuzz/corpus/; new inputs go to build/fuzz/corpus/, crashes to
# build/fuzz/crashes/. make check runs a short smoke of the same.
fuzz: check-deps
	$(MAKE) MODE=fuzz fuzz-bin
	fuzz/run.sh build/fuzz $(FUZZ_TIME)

bench: deps
	$(MAKE) build
	tests/bench.sh

# Rewrites the reconstructed dataset (input/antwoorden.csv and .sav) from
# the published figures; deterministic, so it should change nothing.
reconstruct: build
	python3 tools/reconstruct/reconstruct.py
	./gen/sav-export --input input

clean:
	rm -rf build gen/gen gen/sav-export
