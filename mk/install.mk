# install, uninstall, deb: lay the kiosk out in the usual places, and build
# the Debian package from that same staged install.
#   make install [PREFIX=/usr/local] [DESTDIR=]
#   make deb        -> $(BUILD)/kiosk_$(VERSION)_<arch>.deb  (PREFIX=/usr)

BINDIR      ?= $(PREFIX)/bin
DATADIR     ?= $(PREFIX)/share
MANDIR      ?= $(DATADIR)/man
DOCDIR      ?= $(DATADIR)/doc/kiosk
# kiosk-cage and kiosk-guard: what kiosk.service runs around the kiosk.
LIBEXECDIR  ?= $(PREFIX)/lib/kiosk
SYSCONFDIR  ?= /etc
STATEDIR    ?= /var/lib/kiosk
UNITDIR     ?= $(or $(shell pkg-config --variable=systemdsystemunitdir systemd 2>/dev/null),/lib/systemd/system)
SYSUSERSDIR ?= $(or $(shell pkg-config --variable=sysusersdir systemd 2>/dev/null),/usr/lib/sysusers.d)
TMPFILESDIR ?= $(or $(shell pkg-config --variable=tmpfilesdir systemd 2>/dev/null),/usr/lib/tmpfiles.d)
UDEVRULESDIR ?= $(or $(shell pkg-config --variable=udevdir udev 2>/dev/null),/lib/udev)/rules.d
POLKITRULESDIR ?= $(DATADIR)/polkit-1/rules.d

# Runtime needs of the package that the linker cannot see.
# Debian's cage 0.1.4 is built with Xwayland and exits ("Cannot create
# XWayland server") when /usr/bin/Xwayland is missing, yet does not depend on
# it: the kiosk does.
# polkitd: kiosk-retry.service's one right (packaging/kiosk-retry.rules);
# exfatprogs is not needed: the kernel mounts exFAT drives by itself.
# libvlc-bin: libVLC's plugin cache (see DEBS_BUILD), so that each start of
# the kiosk reads one file instead of opening all of VLC's plugins.
DEB_RUNTIME := cage, xwayland, seatd, vlc-plugin-base, libvlc-bin, fonts-open-sans, fonts-dejavu-core, systemd, polkitd
DEB_ARCH    := $(shell dpkg --print-architecture 2>/dev/null)
DEB_FILE    := $(BUILD)/kiosk_$(VERSION)_$(DEB_ARCH).deb
DEB_DIR     := $(BUILD)/deb
# The unit test of the installed package and `systemd-analyze verify` need
# the compositor and the seat daemon on the test machine.
DEBS_TEST   += cage seatd
SYSCTLDIR   ?= $(or $(shell pkg-config --variable=sysctldir systemd 2>/dev/null),/usr/lib/sysctl.d)
# systemd reads its drop-ins only here (systemd-system.conf(5)).
SYSTEMCONFDIR ?= /usr/lib/systemd/system.conf.d

FLEET_UNITS := kiosk-content.path kiosk-content.service kiosk-export.service kiosk-export.timer \
	kiosk-sync.service

INSTALL_SHARE := $(filter-out tools,$(notdir $(patsubst %/,%,$(wildcard assets/*/))))

.PHONY: install install-files uninstall deb

install: all
	@$(MAKE) --no-print-directory install-files

# The install proper, without rebuilding (deb stages with it).
install-files:
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/kiosk $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DOCDIR) $(DESTDIR)$(SYSCONFDIR)/kiosk $(DESTDIR)$(SYSCONFDIR)/default \
		$(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(LIBEXECDIR)
	install -m 0755 packaging/libexec/kiosk-cage packaging/libexec/kiosk-guard \
		packaging/libexec/kiosk-sync-setup $(DESTDIR)$(LIBEXECDIR)/
	install -m 0755 $(BUILD)/kiosk $(BUILD)/kiosk-report $(BUILD)/kiosk-bundle $(BUILD)/kiosk-export \
		$(DESTDIR)$(BINDIR)/
	@# The module and assets: replaced as a whole, so no stale file survives.
	for d in $(INSTALL_SHARE); do \
		rm -rf $(DESTDIR)$(DATADIR)/kiosk/$$d && \
		cp -R assets/$$d $(DESTDIR)$(DATADIR)/kiosk/$$d && \
		chmod -R u=rwX,go=rX $(DESTDIR)$(DATADIR)/kiosk/$$d || exit 1; \
	done
	@# Settings: the repo's, pointed at the installed module and database;
	@# an existing file is the kiosk's own settings and is kept.
	@if [ -e $(DESTDIR)$(SYSCONFDIR)/kiosk/kiosk.yaml ]; then \
		echo "keeping $(DESTDIR)$(SYSCONFDIR)/kiosk/kiosk.yaml"; \
	else \
		sed -e 's#^\(content:[[:space:]]*["'"'"']\{0,1\}\)assets/#\1$(DATADIR)/kiosk/#' \
		    -e 's#^\(database:[[:space:]]*\).*#\1$(STATEDIR)/kiosk.db#' \
		    config/kiosk.yaml >$(DESTDIR)$(SYSCONFDIR)/kiosk/kiosk.yaml.new && \
		chmod 0640 $(DESTDIR)$(SYSCONFDIR)/kiosk/kiosk.yaml.new && \
		mv $(DESTDIR)$(SYSCONFDIR)/kiosk/kiosk.yaml.new $(DESTDIR)$(SYSCONFDIR)/kiosk/kiosk.yaml; \
	fi
	@[ -e $(DESTDIR)$(SYSCONFDIR)/default/kiosk ] || \
		install -m 0644 packaging/default $(DESTDIR)$(SYSCONFDIR)/default/kiosk
	for u in kiosk.service kiosk-out-of-order.service; do \
		sed -e 's#/usr/bin/kiosk#$(BINDIR)/kiosk#g' -e 's#/etc/kiosk/#$(SYSCONFDIR)/kiosk/#g' \
		    -e 's#/etc/default/kiosk#$(SYSCONFDIR)/default/kiosk#g' \
		    -e 's#/usr/lib/kiosk/#$(LIBEXECDIR)/#g' \
		    -e 's#/usr/share/doc/kiosk#$(DOCDIR)#g' \
		    systemd/$$u >$(DESTDIR)$(UNITDIR)/$$u && chmod 0644 $(DESTDIR)$(UNITDIR)/$$u || exit 1; \
	done
	@# The fleet units (README "Many kiosks"): not enabled by the package.
	for u in $(FLEET_UNITS); do \
		sed -e 's#/usr/bin/kiosk#$(BINDIR)/kiosk#g' -e 's#/etc/kiosk/#$(SYSCONFDIR)/kiosk/#g' \
		    -e 's#/usr/lib/kiosk/#$(LIBEXECDIR)/#g' \
		    systemd/$$u >$(DESTDIR)$(UNITDIR)/$$u && chmod 0644 $(DESTDIR)$(UNITDIR)/$$u || exit 1; \
	done
	install -d -m 0755 $(DESTDIR)$(SYSCONFDIR)/kiosk/keys
	install -m 0644 systemd/kiosk-retry.service systemd/kiosk-retry.timer \
		systemd/kiosk-console.service systemd/kiosk-drive@.service $(DESTDIR)$(UNITDIR)/
	@# kiosk-retry's one right; the trainer's USB drive: its udev rule and
	@# its mount point.
	install -d $(DESTDIR)$(POLKITRULESDIR) $(DESTDIR)$(UDEVRULESDIR) $(DESTDIR)$(TMPFILESDIR)
	install -m 0644 packaging/kiosk-retry.rules $(DESTDIR)$(POLKITRULESDIR)/50-kiosk-retry.rules
	install -m 0644 packaging/80-kiosk-drive.rules $(DESTDIR)$(UDEVRULESDIR)/80-kiosk-drive.rules
	install -m 0644 packaging/kiosk.tmpfiles $(DESTDIR)$(TMPFILESDIR)/kiosk.conf
	@# Boot hardening: no SysRq, no Ctrl+Alt+Del burst reboot, the optional
	@# GRUB password script (not active).
	install -d $(DESTDIR)$(SYSCTLDIR) $(DESTDIR)$(SYSTEMCONFDIR) $(DESTDIR)$(DATADIR)/kiosk/boot
	install -m 0644 packaging/boot/sysctl-kiosk.conf $(DESTDIR)$(SYSCTLDIR)/90-kiosk.conf
	install -m 0644 packaging/boot/system-kiosk.conf $(DESTDIR)$(SYSTEMCONFDIR)/kiosk.conf
	install -m 0644 packaging/boot/grub-password $(DESTDIR)$(DATADIR)/kiosk/boot/grub-password
	install -d $(DESTDIR)$(SYSCONFDIR)/default/grub.d
	install -m 0644 packaging/boot/grub-console.cfg $(DESTDIR)$(SYSCONFDIR)/default/grub.d/kiosk.cfg
	install -m 0644 systemd/kiosk.sysusers $(DESTDIR)$(SYSUSERSDIR)/kiosk.conf
	install -m 0644 man/kiosk.1 man/kiosk-report.1 man/kiosk-bundle.1 man/kiosk-export.1 \
		$(DESTDIR)$(MANDIR)/man1/
	install -m 0644 $(wildcard docs/setup.md docs/fleet.md README.md PRIVACY.md) $(DESTDIR)$(DOCDIR)/
	@# Installing into the live system: the user, and settings it may read.
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" -eq 0 ]; then \
		systemd-sysusers kiosk.conf && systemd-tmpfiles --create kiosk.conf && \
		chgrp kiosk $(SYSCONFDIR)/kiosk/kiosk.yaml && \
		install -d -o kiosk -g kiosk -m 0750 $(STATEDIR) && \
		{ [ ! -d /run/systemd/system ] || systemctl daemon-reload; } && \
		echo "installed; enable at boot with: systemctl enable kiosk"; \
	fi

# Keeps the settings ($(SYSCONFDIR)/kiosk) and the statistics ($(STATEDIR)).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kiosk $(DESTDIR)$(BINDIR)/kiosk-report $(DESTDIR)$(BINDIR)/kiosk-bundle \
		$(DESTDIR)$(BINDIR)/kiosk-export $(FLEET_UNITS:%=$(DESTDIR)$(UNITDIR)/%) \
		$(DESTDIR)$(UNITDIR)/kiosk.service $(DESTDIR)$(SYSUSERSDIR)/kiosk.conf \
		$(DESTDIR)$(UNITDIR)/kiosk-retry.service $(DESTDIR)$(UNITDIR)/kiosk-retry.timer \
		$(DESTDIR)$(UNITDIR)/kiosk-console.service $(DESTDIR)$(UNITDIR)/kiosk-drive@.service \
		$(DESTDIR)$(UNITDIR)/kiosk-out-of-order.service \
		$(DESTDIR)$(POLKITRULESDIR)/50-kiosk-retry.rules $(DESTDIR)$(UDEVRULESDIR)/80-kiosk-drive.rules \
		$(DESTDIR)$(TMPFILESDIR)/kiosk.conf \
		$(DESTDIR)$(LIBEXECDIR)/kiosk-cage $(DESTDIR)$(LIBEXECDIR)/kiosk-guard \
		$(DESTDIR)$(LIBEXECDIR)/kiosk-sync-setup \
		$(DESTDIR)$(SYSCTLDIR)/90-kiosk.conf $(DESTDIR)$(SYSTEMCONFDIR)/kiosk.conf \
		$(DESTDIR)$(MANDIR)/man1/kiosk.1 $(DESTDIR)$(MANDIR)/man1/kiosk-report.1 \
		$(DESTDIR)$(MANDIR)/man1/kiosk-bundle.1 $(DESTDIR)$(MANDIR)/man1/kiosk-export.1
	rm -rf $(DESTDIR)$(DATADIR)/kiosk $(DESTDIR)$(DOCDIR)
	@echo "kept $(DESTDIR)$(SYSCONFDIR)/kiosk and $(DESTDIR)$(STATEDIR)"

deb: all
	rm -rf $(DEB_DIR)
	$(MAKE) --no-print-directory install-files BUILD=$(BUILD) DESTDIR=$(abspath $(DEB_DIR)/root) \
		PREFIX=/usr SYSCONFDIR=/etc STATEDIR=/var/lib/kiosk \
		UNITDIR=/lib/systemd/system SYSUSERSDIR=/usr/lib/sysusers.d \
		TMPFILESDIR=/usr/lib/tmpfiles.d UDEVRULESDIR=/lib/udev/rules.d \
		SYSCTLDIR=/usr/lib/sysctl.d SYSTEMCONFDIR=/usr/lib/systemd/system.conf.d
	gzip -9n $(DEB_DIR)/root/usr/share/man/man1/*.1
	install -d $(DEB_DIR)/root/DEBIAN $(DEB_DIR)/shlibs/debian
	install -m 0755 packaging/postinst packaging/prerm packaging/postrm $(DEB_DIR)/root/DEBIAN/
	cd $(DEB_DIR)/root && find etc -type f | sort | sed 's#^#/#' >DEBIAN/conffiles
	@# dpkg-shlibdeps names the exact library packages and versions the
	@# binaries were linked against.
	printf 'Source: kiosk\n\nPackage: kiosk\nArchitecture: any\n' >$(DEB_DIR)/shlibs/debian/control
	cd $(DEB_DIR)/shlibs && dpkg-shlibdeps -O -e../root/usr/bin/kiosk \
		-e../root/usr/bin/kiosk-report -e../root/usr/bin/kiosk-bundle \
		-e../root/usr/bin/kiosk-export 2>/dev/null | sed -n 's/^shlibs:Depends=//p' >../shlibs.txt
	@test -s $(DEB_DIR)/shlibs.txt || { echo "deb: dpkg-shlibdeps found no libraries" >&2; exit 1; }
	{ echo "Package: kiosk"; \
	  echo "Version: $(VERSION)"; \
	  echo "Architecture: $(DEB_ARCH)"; \
	  echo "Maintainer: Onboarding kiosk team <kiosk@localhost>"; \
	  echo "Installed-Size: $$(du -sk --exclude=DEBIAN $(DEB_DIR)/root | cut -f1)"; \
	  echo "Depends: $$(cat $(DEB_DIR)/shlibs.txt), $(DEB_RUNTIME)"; \
	  echo "Section: misc"; \
	  echo "Priority: optional"; \
	  echo "Description: touchscreen onboarding kiosk for welcome days"; \
	  echo " Boots a touchscreen PC into a full-screen kiosk (cage compositor on"; \
	  echo " tty1) that plays the onboarding module's videos and quiz and keeps"; \
	  echo " anonymous statistics; kiosk-report summarises them."; \
	} >$(DEB_DIR)/root/DEBIAN/control
	dpkg-deb --root-owner-group -Zxz --build $(DEB_DIR)/root $(DEB_FILE)
	@echo "built $(DEB_FILE)"
