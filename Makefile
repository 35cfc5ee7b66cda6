# Onboarding kiosk — build, run, test.  See README.md.
# `make run` and `make test` install the Debian packages they need when run
# as root (or print the exact apt-get line otherwise).

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
VERSION := 1.0.0

# Debian 12 packages: to build and run, and in addition to test.
DEBS_BUILD := build-essential pkg-config libsdl2-dev libsdl2-ttf-dev \
	libsdl2-image-dev libvlc-dev vlc-plugin-base libsqlite3-dev libcyaml-dev \
	libfontconfig-dev libsystemd-dev libqrencode-dev fonts-open-sans \
	fonts-dejavu-core
DEBS_TEST := check xvfb xauth xdotool ffmpeg espeak-ng chromium sqlite3 \
	valgrind systemd dpkg-dev fakeroot clang-format

PKGS := sdl2 SDL2_ttf SDL2_image libvlc sqlite3 libcyaml fontconfig \
	libsystemd libqrencode yaml-0.1

CC      ?= cc
SAN     ?=
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -Wall -Wextra -Werror \
	-Wshadow -Wstrict-prototypes -Wno-missing-field-initializers -Wno-format-truncation \
	-DKIOSK_VERSION='"$(VERSION)"' -Ikiosk $(SAN)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS  += $(PKG_LIBS) -lm -lpthread

LIB_SRC    := $(wildcard kiosk/core/*.c kiosk/platform/*.c kiosk/screens/*.c) \
	$(filter-out kiosk/main.c,$(wildcard kiosk/*.c))
REPORT_SRC := $(wildcard kiosk/report/*.c)
UNIT_SRC   := $(wildcard tests/unit/test_*.c)
TOOL_SRC   := $(wildcard tests/tools/*.c)

LIB_OBJ    := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
REPORT_OBJ := $(REPORT_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_BIN   := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)

.PHONY: all deps deps-test run test asan lint format bench clean check-content shots
all: $(BUILD)/kiosk $(BUILD)/kiosk-report

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libkiosk.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/kiosk: $(BUILD)/obj/kiosk/main.o $(BUILD)/libkiosk.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BUILD)/kiosk-report: $(REPORT_OBJ) $(BUILD)/libkiosk.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libkiosk.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(shell pkg-config --cflags check) -o $@ $^ \
		$(LDFLAGS) $(shell pkg-config --libs check) $(LDLIBS)

$(BUILD)/tools/%: tests/tools/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

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

test: deps-test
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(TOOL_BIN)
	@BUILD=$(BUILD) sh tests/run.sh

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps-test
	@$(MAKE) --no-print-directory BUILD=build/asan \
		SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
		CFLAGS="-O1 -g" build/asan/kiosk build/asan/kiosk-report \
		$(UNIT_BIN:$(BUILD)/%=build/asan/%) $(TOOL_BIN:$(BUILD)/%=build/asan/%) \
		build/asan/preload/nodlclose.so
	@BUILD=build/asan KIOSK_ASAN=1 LD_PRELOAD=$(CURDIR)/build/asan/preload/nodlclose.so \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99:verify_asan_link_order=0 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		sh tests/run.sh

lint:
	@clang-format --dry-run --Werror $(wildcard kiosk/*.c kiosk/*/*.c kiosk/*.h kiosk/*/*.h tests/unit/*.c tests/tools/*.c)
	@echo "lint: clean"
format:
	clang-format -i $(wildcard kiosk/*.c kiosk/*/*.c kiosk/*.h kiosk/*/*.h tests/unit/*.c tests/tools/*.c)

bench: deps-test
	@$(MAKE) --no-print-directory all $(TOOL_BIN)
	@for b in bench/*.sh; do BUILD=$(BUILD) sh $$b || exit 1; done

check-content: all
	$(BUILD)/kiosk --check

# Regenerate the README screenshots with the headless mode.
shots: all
	sh tools/shots.sh

clean:
	rm -rf $(BUILD)

include $(wildcard mk/*.mk)
