#!/usr/bin/env bash
# Installs the Debian packages the generator needs to build and run (and, with
# --check, what the test suite needs). Asks pkg-config and the file system what
# is there, and calls apt-get only for what is missing, so `make` on a machine
# that has everything does not touch the network.
set -euo pipefail

need=()
have_pc()   { pkg-config --exists "$1" 2>/dev/null; }
have_file() { [ -e "$1" ]; }
have_cmd()  { command -v "$1" >/dev/null 2>&1; }

have_cmd pkg-config                       || need+=(pkg-config)
have_cmd cc                               || need+=(gcc)
have_pc libxml-2.0                        || need+=(libxml2-dev)
have_pc cairo                             || need+=(libcairo2-dev)
have_pc pangocairo                        || need+=(libpango1.0-dev)
have_pc libqpdf                           || need+=(libqpdf-dev)
have_pc libpng                            || need+=(libpng-dev)
have_file /usr/include/readstat.h         || need+=(libreadstat-dev)
have_file /usr/include/hyphen.h           || need+=(libhyphen-dev)
have_file /usr/share/hyphen/hyph_nl_NL.dic || need+=(hyphen-nl)
have_file /usr/share/fonts/truetype/lato/Lato-Regular.ttf || need+=(fonts-lato)

if [ "${1:-}" = "--check" ]; then
  have_pc cmocka          || need+=(libcmocka-dev)
  have_cmd pdftotext      || need+=(poppler-utils)
  have_cmd qpdf           || need+=(qpdf)
  have_cmd python3        || need+=(python3)
  have_cmd chromium       || need+=(chromium)
  have_cmd java           || need+=(default-jre-headless)
  have_cmd node           || need+=(nodejs)
  have_cmd npm            || need+=(npm)
  # issue 12: fuzzing (libFuzzer comes with clang's runtime) and the valgrind test
  have_cmd clang          || need+=(clang)
  compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null \
                          || need+=(libclang-rt-14-dev)
  have_cmd valgrind       || need+=(valgrind)
fi

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps: missing Debian packages: ${need[*]}"
if [ "$(id -u)" != 0 ]; then
  echo "install-deps: run as root, or: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}"
