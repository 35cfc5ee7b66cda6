# Issue 10: libFuzzer over kiosk-report's reader, fed mutated database files.
#   make fuzz-report [FUZZ_SECONDS=60]     (also run by `make fuzz`)
# The reader's own messages (why a file is refused) are silenced with
# -close_fd_mask=2; libFuzzer's report of a crash is not.
# Built with clang (-fsanitize=fuzzer,address,undefined) in $(BUILD)/fuzz;
# crashes are written there as crash-* files. The seed corpus is small
# kiosk databases in tests/fuzz/report-seeds/ (the current schema, remade by
# tools/make-report-corpus.sh DIR, and v1-*.db of schema 1, read through
# the fallback on session rows); what the fuzzer finds accumulates
# in $(BUILD)/fuzz/report-corpus.
FUZZ_SECONDS ?= 60
FUZZ_REPORT := $(BUILD)/fuzz/report_fuzz
FUZZ_REPORT_SRC := tests/fuzz/report_fuzz.c $(filter-out kiosk/report/main.c,$(REPORT_SRC)) \
	$(CORE_SRC)

$(FUZZ_REPORT): $(FUZZ_REPORT_SRC)
	@mkdir -p $(dir $@)
	clang -g -O1 -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -DKIOSK_VERSION='"$(VERSION)"' \
		-Ikiosk -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-o $@ $(FUZZ_REPORT_SRC) $(REPORT_LIBS)

.PHONY: fuzz fuzz-report
fuzz: fuzz-report
fuzz-report: $(FUZZ_REPORT)
	@mkdir -p $(BUILD)/fuzz/report-corpus
	cd $(BUILD)/fuzz && ASAN_OPTIONS=detect_leaks=1 ./report_fuzz -max_total_time=$(FUZZ_SECONDS) \
		-max_len=131072 -timeout=10 -rss_limit_mb=2048 -close_fd_mask=2 report-corpus \
		$(CURDIR)/tests/fuzz/report-seeds
