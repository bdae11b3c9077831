# accrue: an event-sourced accounts-receivable ledger.
#   make run    start the daemon on ./var/data and ./var/accrued.sock
#   make test   install what is missing, build, run every test
#   make bench  run the benchmarks (release build), writing bench-results/*.json
#   make install DESTDIR=… PREFIX=…  release binaries, systemd units, snippets, example config

SWIFT ?= swift
DEBIAN_PACKAGES := liblmdb-dev libjemalloc-dev lmdb-utils pkg-config strace socat python3 python3-jsonschema systemd util-linux hledger ledger msmtp python3-aiosmtpd
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test run bench lint clean release install

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
	$(SWIFT) build -c release
	mkdir -p bench-results
	.build/release/accrue-bench --output bench-results

# Installation layout. systemd reads units, sysusers.d and tmpfiles.d from $(PREFIX)/lib too.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBEXECDIR ?= $(PREFIX)/libexec/accrued
DOCDIR ?= $(PREFIX)/share/doc/accrued
SYSCONFDIR ?= /etc
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
# Where the binaries to install come from; set it to install an existing build (the tests
# install their debug build this way) instead of building a release.
INSTALL_BIN_FROM ?=
SUBST = sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@LIBEXECDIR@|$(LIBEXECDIR)|g' \
	-e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' -e 's|@DOCDIR@|$(DOCDIR)|g'

release: deps
	$(SWIFT) build -c release --product accrued
	$(SWIFT) build -c release --product accrue

install: $(if $(INSTALL_BIN_FROM),,release)
	bin="$(if $(INSTALL_BIN_FROM),$(INSTALL_BIN_FROM),$$($(SWIFT) build -c release --show-bin-path))"; \
	install -D -m 0755 "$$bin/accrued" "$(DESTDIR)$(BINDIR)/accrued"; \
	install -D -m 0755 "$$bin/accrue" "$(DESTDIR)$(BINDIR)/accrue"
	install -D -m 0755 deploy/accrued-backup "$(DESTDIR)$(LIBEXECDIR)/accrued-backup"
	install -d "$(DESTDIR)$(UNITDIR)"
	for unit in accrued.service accrued.socket accrued-backup.service accrued-backup.timer; do \
	  $(SUBST) deploy/$$unit > "$(DESTDIR)$(UNITDIR)/$$unit" && chmod 0644 "$(DESTDIR)$(UNITDIR)/$$unit"; \
	done
	install -D -m 0644 deploy/accrued.sysusers "$(DESTDIR)$(SYSUSERSDIR)/accrued.conf"
	install -D -m 0644 deploy/accrued.tmpfiles "$(DESTDIR)$(TMPFILESDIR)/accrued.conf"
	install -D -m 0644 deploy/accrued.toml.example "$(DESTDIR)$(DOCDIR)/accrued.toml.example"
	install -D -m 0644 README.md "$(DESTDIR)$(DOCDIR)/README.md"
	# The example is also the starting configuration, unless one is already there.
	test -e "$(DESTDIR)$(SYSCONFDIR)/accrued/accrued.toml" || \
	  install -D -m 0644 deploy/accrued.toml.example "$(DESTDIR)$(SYSCONFDIR)/accrued/accrued.toml"

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

clean:
	rm -rf .build var bench-results
