# datamap: the two commands of the README are `make demo` and `make test`.
PREFIX ?= /usr/local
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all build deps demo test test-asan install clean bench

all: build

deps:
	@scripts/install-deps

$(BUILD)/Makefile: CMakeLists.txt
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null

build: $(BUILD)/Makefile
	@cmake --build $(BUILD) -j $(JOBS)

# Builds, runs every test, then the unit tests again under ASan + UBSan.
test: deps build
	@status=0; \
	  scripts/test-services start || status=$$?; \
	  if [ $$status -eq 0 ]; then \
	    ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) || status=$$?; \
	    $(MAKE) --no-print-directory test-asan || status=$$?; \
	  fi; \
	  scripts/test-services stop; exit $$status

test-asan:
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DDATAMAP_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir build-asan --output-on-failure -j $(JOBS)

demo: deps build
	@scripts/demo $(BUILD)/datamap

bench: build
	@DATAMAP=$(BUILD)/datamap bench/run.sh

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) build-asan
