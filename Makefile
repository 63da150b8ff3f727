# Thin wrapper over CMake: `make demo` and `make test` work on a fresh Debian 12 machine.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
LISTSCAN = $(BUILD_DIR)/tools/listscan/listscan
CMAKE_FLAGS ?=
CTEST_FLAGS ?=
PREFIX ?= /usr/local

.PHONY: all deps build demo test install fuzz clean

all: build

deps:
	tools/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	$(LISTSCAN) scan --rules rules/eu --summary - tests/data/sample/listings.jsonl tests/data/sample/listings.csv; \
	  status=$$?; [ $$status -le 1 ] || exit $$status

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) $(CTEST_FLAGS)

# The binary, the EU packs, the manual page and shell completions under PREFIX
# (DESTDIR=... stages them).
install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# libFuzzer targets under $(FUZZ_DIR)/tests/fuzz (clang, ASan+UBSan); tests/fuzz/run_fuzzers.sh
# runs them. Only the engine and the fuzzers are built there.
FUZZ_DIR ?= build-fuzz
fuzz:
	tools/install-deps.sh --fuzz
	[ -f $(FUZZ_DIR)/build.ninja ] || CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -G Ninja \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLISTSCAN_FUZZ=ON -DLISTSCAN_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target listscan_fuzzers

clean:
	rm -rf $(BUILD_DIR)
