# make vm-test: the .deb that `make deb` builds, installed in a Debian 12 VM
# and booted as shipped; the screen read, touched and typed at (tests/vm,
# docs/vm-test.md). Not part of `make test`: see docs/vm-test.md for why.
#   make vm-test [VM_ARGS="--checks short"]
#   make vm-boot                  one VM left running, to look at by hand
DEBS_VM := qemu-system-x86 qemu-utils mmdebstrap e2fsprogs dosfstools mtools python3 \
	dpkg-dev fakeroot ovmf
VM_ARGS ?=

.PHONY: vm-deps vm-test vm-boot
vm-deps:
	@sh tools/deps.sh $(DEBS_BUILD) $(DEBS_VM)
vm-test: vm-deps
	@$(MAKE) --no-print-directory deb $(BUILD)/tools/gen_sessions
	python3 tests/vm/vmtest.py --deb $(DEB_FILE) $(VM_ARGS)
vm-boot: vm-deps
	@$(MAKE) --no-print-directory deb
	python3 tests/vm/vmtest.py --deb $(DEB_FILE) --boot-only $(VM_ARGS)
