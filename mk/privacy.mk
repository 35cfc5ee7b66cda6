# Issue 10: the attack tools of tests/privacy/ (built with the unit tests).
PRIVACY_BIN := $(BUILD)/tools/pageorder
TOOL_BIN += $(PRIVACY_BIN)

$(BUILD)/tools/pageorder: tests/privacy/pageorder.c $(PLATFORM_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.a,$^) $(LDLIBS)
LINT_FILES += $(wildcard tests/privacy/*.c)
