# Builds the report generator (gen/gen), generates out/, and runs the tests.
#
#   make          install missing Debian packages, build, generate out/
#   make check    build with ASan+UBSan and run every test
#   make bench    time and measure a full generation
#
# Sources are picked up by wildcard: gen/*.c is the program, charts/*.c the
# chart library, tests/unit/test_*.c one cmocka binary each.

CC      ?= cc
PKGS    := libxml-2.0 cairo cairo-pdf cairo-svg cairo-png pangocairo pango libqpdf
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN    := -std=c17 -Wall -Wextra -Werror -Wno-unused-parameter
DEFS    := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
INCS    := -Igen -Icharts
LIBS     = $(PKG_LIBS) -lcsv -lreadstat -lhyphen -lm

MODE    ?= release
ifeq ($(MODE),asan)
OPT     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
OPT     := -O2 -g
endif
B       := build/$(MODE)

GEN_MAIN  := gen/main.c
GEN_SRC   := $(filter-out $(GEN_MAIN) gen/sav_export_main.c,$(wildcard gen/*.c))
CHART_SRC := $(wildcard charts/*.c)
LIB_OBJ   := $(patsubst %.c,$(B)/%.o,$(GEN_SRC) $(CHART_SRC))
TEST_SRC  := $(wildcard tests/unit/test_*.c)
TEST_BIN  := $(patsubst tests/unit/%.c,$(B)/tests/%,$(TEST_SRC))

.PHONY: all deps build out check check-deps tests-bin bench clean reconstruct

all: deps
	$(MAKE) build
	$(MAKE) out

deps:
	@gen/install-deps.sh

check-deps:
	@gen/install-deps.sh --check

build: $(B)/bin/gen $(B)/bin/sav-export
	@cp $(B)/bin/gen gen/gen
	@cp $(B)/bin/sav-export gen/sav-export

out: build
	./gen/gen --input input --templates templates --out out --variant all

$(B)/%.o: %.c $(wildcard gen/*.h charts/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(OPT) $(DEFS) $(INCS) $(PKG_CFLAGS) -c $< -o $@

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
	$(CC) $(WARN) $(OPT) $(DEFS) $(INCS) $(PKG_CFLAGS) $(shell pkg-config --cflags cmocka) \
	  -o $@ $< $(B)/libreport.a $(LIBS) $(shell pkg-config --libs cmocka)

tests-bin: $(TEST_BIN) $(B)/bin/gen $(B)/bin/sav-export

# make check: release build for out/, sanitizer build for the tests, then run all.
check: check-deps
	$(MAKE) build
	$(MAKE) MODE=asan tests-bin
	tests/run.sh build/asan

bench: deps
	$(MAKE) build
	tests/bench.sh

# Rewrites the reconstructed dataset (input/antwoorden.csv and .sav) from
# the published figures; deterministic, so it should change nothing.
reconstruct: build
	python3 gen/reconstruct/reconstruct.py
	./gen/sav-export --input input

clean:
	rm -rf build gen/gen gen/sav-export
