# Thin wrapper over CMake: `make demo` and `make test` work on a fresh Debian 12 machine.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
LISTSCAN = $(BUILD_DIR)/tools/listscan/listscan
CMAKE_FLAGS ?=

.PHONY: all deps build demo test clean

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
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR)
