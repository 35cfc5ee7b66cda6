# Issue 11: libFuzzer over the kiosk's parsers (settings and their opening
# hours, module, subtitles, one weekday's hours, script lines), each for FUZZ_SECONDS.
#   make fuzz [FUZZ_SECONDS=60]      (with fuzz-report of mk/fuzz-report.mk)
#   make fuzz-settings | fuzz-module | fuzz-srt | fuzz-hours | fuzz-script
# Built with Debian's clang (-fsanitize=fuzzer,address,undefined) in
# $(BUILD)/fuzz; seeds in tests/fuzz/seeds/NAME/, what the fuzzer finds
# accumulates in $(BUILD)/fuzz/NAME-corpus, crashes are written there as
# crash-* files. The parsers' own messages are silenced (-close_fd_mask=2);
# libFuzzer's report of a finding is not. Figures: tests/reliability/fuzz.sh.
FUZZ_SECONDS ?= 60
FUZZ_NAMES   := settings module srt hours script
FUZZ_BINS    := $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)
FUZZ_CFLAGS  := -g -O1 -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -DKIOSK_VERSION='"$(VERSION)"' \
	-Ikiosk -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_OBJ     := $(CORE_SRC:%.c=$(BUILD)/fuzz/obj/%.o)
DEBS_TEST    += clang

# The core once, instrumented; each harness links it.
$(BUILD)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_file.h $(FUZZ_OBJ)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) \
		$(shell pkg-config --libs $(CORE_PKGS)) -lm

.PHONY: fuzz fuzz-build $(FUZZ_NAMES:%=fuzz-%)
fuzz: $(FUZZ_NAMES:%=fuzz-%)
fuzz-build: $(FUZZ_BINS)
$(FUZZ_NAMES:%=fuzz-%): fuzz-%: $(BUILD)/fuzz/fuzz_%
	@mkdir -p $(BUILD)/fuzz/$*-corpus
	cd $(BUILD)/fuzz && ASAN_OPTIONS=detect_leaks=1 ./fuzz_$* -max_total_time=$(FUZZ_SECONDS) \
		-max_len=65536 -timeout=10 -rss_limit_mb=2048 -close_fd_mask=2 -print_final_stats=1 \
		$*-corpus $(CURDIR)/tests/fuzz/seeds/$*

# The VFS shim of tests/reliability/iofault.sh, built for `make test` and `make asan`.
$(BUILD)/preload/faultvfs.so: tests/preload/faultvfs.c
	@mkdir -p $(dir $@)
	$(CC) -shared -fPIC -O2 -Wall -Wextra -Werror -o $@ $< $(shell pkg-config --libs sqlite3)
test asan: $(BUILD)/preload/faultvfs.so

# make reliability: the long versions of tests/reliability/ (figures for
# RELIABILITY.md) and of video/stress.sh (200 cycles), then the monkey
# again under ASan+UBSan (build/asan).
MONKEY_ASAN_EVENTS ?= 100000
ASAN_SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
.PHONY: reliability
reliability: deps-test
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(TOOL_BIN) $(BUILD)/preload/faultvfs.so
	@BUILD=$(BUILD) MONKEY_EVENTS=100000 KILL_RUNS=500 IOFAULT_ALL=1 SOAK_SESSIONS=10000 \
		BADINPUT_LONG=1 ONLY=reliability/ sh tests/run.sh
	@BUILD=$(BUILD) VIDEO_STRESS_CYCLES=200 ONLY=video/stress sh tests/run.sh
	@$(MAKE) --no-print-directory BUILD=build/asan SAN="$(ASAN_SAN)" CFLAGS="-O1 -g" \
		build/asan/kiosk build/asan/tools/monkey build/asan/preload/nodlclose.so
	@BUILD=build/asan KIOSK_ASAN=1 LD_PRELOAD=$(CURDIR)/build/asan/preload/nodlclose.so \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99:verify_asan_link_order=0 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 MONKEY_EVENTS=$(MONKEY_ASAN_EVENTS) \
		ONLY=reliability/monkey sh tests/run.sh
