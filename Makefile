# Onboarding kiosk — build, run, test.  See README.md.
# `make run` and `make test` install the Debian packages they need when run
# as root (or print the exact apt-get line otherwise).

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
VERSION := 1.0.0

# Debian 12 packages: to build and run, and in addition to test.
# libvlc-bin: its trigger writes libVLC's plugin cache (plugins.dat); without
# it every kiosk start opens all 348 plugins to read their descriptions —
# 0.45 s of CPU and seconds of a loaded machine's time, hundreds of times
# in make test (libvlc5 only recommends it).
DEBS_BUILD := build-essential pkg-config libsdl2-dev libsdl2-ttf-dev \
	libsdl2-image-dev libvlc-dev vlc-plugin-base libvlc-bin libsqlite3-dev libcyaml-dev \
	libfontconfig-dev libsystemd-dev libqrencode-dev fonts-open-sans \
	fonts-dejavu-core libsodium-dev libarchive-dev libespeak-ng-dev espeak-ng-data \
	libwayland-dev libseat-dev libinput-dev libudev-dev
DEBS_TEST := check xvfb xauth xdotool ffmpeg espeak-ng chromium sqlite3 python3 python3-jsonschema \
	libreoffice-calc-nogui python3-yaml \
	poppler-utils zbar-tools \
	valgrind systemd dpkg-dev fakeroot clang-format syncthing rsync \
	cage xwayland grim wf-recorder wtype libseccomp-dev strace

PKGS := sdl2 SDL2_ttf SDL2_image libvlc sqlite3 libcyaml fontconfig \
	libsystemd libqrencode yaml-0.1 libsodium espeak-ng wayland-client libseat libinput libudev
# What the pure core and the report reader link: no SDL, libVLC or display.
CORE_PKGS   := libcyaml yaml-0.1
REPORT_PKGS := $(CORE_PKGS) sqlite3

CC      ?= cc
SAN     ?=
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -Wall -Wextra -Werror \
	-Wshadow -Wstrict-prototypes -Wno-missing-field-initializers -Wno-format-truncation \
	-DKIOSK_VERSION='"$(VERSION)"' -Ikiosk $(SAN)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDFLAGS += -Wl,--as-needed
LDLIBS  += $(PKG_LIBS) -lm -lpthread
REPORT_LIBS = $(shell pkg-config --libs $(REPORT_PKGS) 2>/dev/null) -lm
# kiosk-bundle: signatures and tar, the core to read module.yaml; no SDL,
# libVLC or SQLite.
BUNDLE_PKGS := $(CORE_PKGS) libsodium libarchive
BUNDLE_LIBS = $(shell pkg-config --libs $(BUNDLE_PKGS) 2>/dev/null)
# kiosk-export: the nightly outbox (the batch file, the health file, the journal).
EXPORT_LIBS = $(shell pkg-config --libs $(CORE_PKGS) sqlite3 libsystemd 2>/dev/null)

# Layers (docs/design.md; their order and the check: tools/layers.sh): the
# core (pure logic); the platform (SDL, libVLC, SQLite); the report; the
# trainer's tools; the context; the screens; the loop; check and headless;
# the programs on top. libkiosk-platform.a holds the platform up to headless.
CORE_SRC     := $(wildcard kiosk/core/*.c kiosk/core/yaml/*.c)
PLATFORM_SRC := $(wildcard kiosk/platform/*.c kiosk/screens/*.c kiosk/check/*.c \
	kiosk/headless/*.c kiosk/app/*.c kiosk/context/*.c kiosk/trainer/*.c)
REPORT_SRC   := $(wildcard kiosk/report/*.c)
BUNDLE_SRC   := $(wildcard kiosk/bundle/*.c)
EXPORT_SRC   := $(wildcard kiosk/export/*.c)
UNIT_SRC     := $(wildcard tests/unit/test_*.c)
TOOL_SRC     := $(wildcard tests/tools/*.c)

CORE_OBJ     := $(CORE_SRC:%.c=$(BUILD)/obj/%.o)
PLATFORM_OBJ := $(PLATFORM_SRC:%.c=$(BUILD)/obj/%.o)
REPORT_OBJ   := $(REPORT_SRC:%.c=$(BUILD)/obj/%.o)
BUNDLE_OBJ   := $(BUNDLE_SRC:%.c=$(BUILD)/obj/%.o)
EXPORT_OBJ   := $(EXPORT_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_BIN     := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_BIN     := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
BENCH_BIN    := $(BUILD)/bench/floor $(BUILD)/bench/launch
CORE_LIB     := $(BUILD)/libkiosk-core.a
# The report writers without kiosk-report's main: the kiosk's export uses them.
REPORT_LIB   := $(BUILD)/libkiosk-report.a
PLATFORM_LIB := $(BUILD)/libkiosk-platform.a


.PHONY: all deps deps-test run test unit manual asan lint format bench clean check-content shots cage-shot
all: $(BUILD)/layers.ok $(BUILD)/kiosk $(BUILD)/kiosk-report $(BUILD)/kiosk-bundle $(BUILD)/kiosk-export \
	$(BUILD)/calls.ok

# No folder of kiosk/ includes one above it (tools/layers.sh holds the
# order): checked from the #include lines before anything is linked.
$(BUILD)/layers.ok: tools/layers.sh $(shell find kiosk -name '*.[ch]')
	@mkdir -p $(dir $@)
	@sh tools/layers.sh
	@touch $@
# The same order for calls, read from the objects (a declaration written by
# hand instead of an include would pass the first check, not this one).
ALL_OBJ = $(CORE_OBJ) $(PLATFORM_OBJ) $(REPORT_OBJ) $(BUNDLE_OBJ) $(EXPORT_OBJ) \
	$(BUILD)/obj/kiosk/main.o
$(BUILD)/calls.ok: tools/layers.sh $(ALL_OBJ)
	@sh tools/layers.sh --calls $(BUILD)/obj $(ALL_OBJ)
	@touch $@

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

# The core must not call SDL, libVLC or SQLite: the build refuses it.
$(CORE_LIB): $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^
	@if nm -u $^ | grep -E ' (SDL_|TTF_|IMG_|libvlc_|sqlite3_)'; then \
		echo "libkiosk-core.a calls the platform (above): move that code" >&2; \
		rm -f $@; exit 1; fi

$(PLATFORM_LIB): $(PLATFORM_OBJ) | $(BUILD)/layers.ok
	@rm -f $@
	ar rcs $@ $^

$(REPORT_LIB): $(filter-out %/report/main.o,$(REPORT_OBJ))
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/kiosk: $(BUILD)/obj/kiosk/main.o $(PLATFORM_LIB) $(REPORT_LIB) $(CORE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/kiosk-report: $(REPORT_OBJ) $(CORE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(REPORT_LIBS)

$(BUILD)/kiosk-bundle: $(BUNDLE_OBJ) $(CORE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(BUNDLE_LIBS)

$(BUILD)/kiosk-export: $(EXPORT_OBJ) $(CORE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(EXPORT_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check_main.h $(PLATFORM_LIB) $(REPORT_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(shell pkg-config --cflags check) $(LDFLAGS) -o $@ $(filter %.c %.a,$^) \
		$(shell pkg-config --libs check) $(LDLIBS)

$(BUILD)/tools/%: tests/tools/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

# The unit's system-call filter for the cage test (tests/deploy/cage.sh).
$(BUILD)/tools/seccomp_run: tests/tools/seccomp_run.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(shell pkg-config --libs libseccomp)

# make bench: the floor program (SDL2 and SDL2_ttf only) and the launcher.
$(BUILD)/bench/floor: bench/floor.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(shell pkg-config --cflags sdl2 SDL2_ttf) -o $@ $< $(LDFLAGS) \
		$(shell pkg-config --libs sdl2 SDL2_ttf)
$(BUILD)/bench/launch: bench/launch.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LDFLAGS)

# make asan: plugins stay loaded so their leaks keep their library's name.
$(BUILD)/preload/nodlclose.so: tests/preload/nodlclose.c
	@mkdir -p $(dir $@)
	$(CC) -shared -fPIC -O2 -Wall -Wextra -Werror -o $@ $<

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# Install missing Debian packages (as root), or say exactly what to run.
deps:
	@sh tools/deps.sh $(DEBS_BUILD)
deps-test:
	@sh tools/deps.sh $(DEBS_BUILD) $(DEBS_TEST)

run: deps
	@$(MAKE) --no-print-directory all
	@sh tools/run.sh

# Suites run JOBS at a time (default: twice the machine's cores); tests/run.sh.
NPROC := $(shell nproc 2>/dev/null || echo 2)
test: deps-test
	@$(MAKE) --no-print-directory -j$(NPROC) all $(UNIT_BIN) $(TOOL_BIN)
	@BUILD=$(BUILD) sh tests/run.sh

# The unit tests of the core and the platform alone: no package installed
# (libcheck and the build packages must be there: `make deps-test` once),
# no display, a few seconds (with the tools and kiosk-export that
# test_report_merge runs).
unit:
	@pkg-config --exists check || { echo "make unit needs libcheck: apt-get install check (or make deps-test)" >&2; exit 2; }
	@$(MAKE) --no-print-directory -j$(NPROC) $(UNIT_BIN) $(TOOL_BIN) $(BUILD)/kiosk-export
	@BUILD=$(BUILD) ONLY=unit/ sh tests/run.sh

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps-test
	@$(MAKE) --no-print-directory BUILD=build/asan \
		SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
		CFLAGS="-O1 -g" build/asan/kiosk build/asan/kiosk-report build/asan/kiosk-bundle \
		build/asan/kiosk-export \
		$(UNIT_BIN:$(BUILD)/%=build/asan/%) $(TOOL_BIN:$(BUILD)/%=build/asan/%) \
		build/asan/preload/nodlclose.so
	@BUILD=build/asan KIOSK_ASAN=1 LD_PRELOAD=$(CURDIR)/build/asan/preload/nodlclose.so \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99:verify_asan_link_order=0 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		sh tests/run.sh

LINT_FILES = $(wildcard kiosk/*.[ch] kiosk/*/*.[ch] kiosk/*/*/*.[ch] tests/unit/*.[ch] tests/tools/*.c \
	bench/*.c)
# Include guards name their file (kiosk/core/flow.h: KIOSK_CORE_FLOW_H).
lint:
	@clang-format --dry-run --Werror $(LINT_FILES)
	@sh tools/layers.sh
	@bad=0; for f in $(filter %.h,$(wildcard kiosk/*.h kiosk/*/*.h kiosk/*/*/*.h)); do \
		want=KIOSK_$$(echo $${f#kiosk/} | tr 'a-z/.' 'A-Z__'); \
		grep -q "^#ifndef $$want\$$" $$f || { echo "$$f: include guard is not $$want" >&2; bad=1; }; \
	done; [ $$bad -eq 0 ]
	@echo "lint: clean"
format:
	clang-format -i $(LINT_FILES)

bench: deps-test
	@$(MAKE) --no-print-directory all $(TOOL_BIN) $(BENCH_BIN)
	@BUILD=$(BUILD) sh bench/run.sh

check-content: all
	$(BUILD)/kiosk --check

# Every guide of docs/ as one file: build/manual.md.
manual:
	@sh tools/manual.sh $(BUILD)/manual.md

# Regenerate the README screenshots with the headless mode.
shots: all
	sh tools/shots.sh

# The attract screen as cage shows it (docs/shots/cage-1280x720-attract.png).
cage-shot: all
	sh tools/cage_shot.sh

clean:
	rm -rf $(BUILD)

include $(wildcard mk/*.mk)
