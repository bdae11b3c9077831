# accrue: an event-sourced accounts-receivable ledger.
#   make run    start the daemon on ./var/data and ./var/accrued.sock
#   make test   install what is missing, build, run every test
#   make bench  run the benchmarks (release build), writing bench-results/*.json

SWIFT ?= swift
DEBIAN_PACKAGES := liblmdb-dev lmdb-utils pkg-config strace socat python3 python3-jsonschema hledger ledger
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test run bench lint clean

# Installs only what is absent, so a machine that has everything never touches apt.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

run: build
	mkdir -p var
	$(SWIFT) run accrued --data-dir ./var/data --socket ./var/accrued.sock

bench: deps
	$(SWIFT) build -c release --product accrue-bench
	mkdir -p bench-results
	.build/release/accrue-bench --output bench-results

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

clean:
	rm -rf .build var bench-results
