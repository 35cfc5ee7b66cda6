"""The VM's disk: Debian 12 as a minimal install, with the kiosk's .deb.

Two layers, each cached by what it is made of:
- the base (a tarball): mmdebstrap of Debian 12 from the Debian mirror in
  this machine's apt sources, Priority: important (what the installer's
  "no task" install holds), the kernel, and the .deb's dependencies with
  their Recommends, as `apt install ./kiosk.deb` would fetch them; cached by
  that package list;
- the kiosk image (a raw ext4 file system, the kernel and the initrd beside
  it): the base with the .deb installed by dpkg as on a real box, plus what
  only the test needs (a root shell on the serial port); cached by the
  .deb's hash.

Each boot writes to its own qcow2 overlay over the kiosk image, so a run
never changes the cache.
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Bump when the recipe below changes what a layer holds.
BASE_RECIPE = "4"
IMAGE_RECIPE = "8"
SUITES = ("bookworm", "bookworm-updates", "bookworm-security")
# The kernel and init a minimal install has, beside Priority: important.
SYSTEM = ["linux-image-amd64", "systemd-sysv", "udev"]
# Only for the test's own commands on the serial console: integrity_check
# of the statistics. Nothing in the boot chain uses it.
TEST_TOOLS = ["sqlite3"]
# What docs/fleet.md has an administrator install for the fleet's transport
# (kiosk-sync.service runs it); not a dependency of the .deb.
FLEET_TOOLS = ["syncthing"]


def log(msg):
    print(f"vm: {msg}", file=sys.stderr, flush=True)


def cache_dir():
    d = os.environ.get("VM_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "kiosk-vm")
    os.makedirs(d, exist_ok=True)
    return d


def deb_depends(deb):
    """Package names of the .deb's Depends (the first of each alternative)."""
    out = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], check=True,
                         capture_output=True, text=True).stdout
    names = []
    for dep in out.split(","):
        first = dep.split("|")[0].strip()
        name = re.split(r"[\s(:]", first, maxsplit=1)[0]
        if name:
            names.append(name)
    return sorted(set(names))


def mirror_sources():
    """The deb822 stanzas of this machine's apt sources for Debian 12.

    Only those: other repositories (a cloud SDK, Node.js) are no part of a
    kiosk, and no other network is used."""
    stanzas = []
    for path in sorted(os.listdir("/etc/apt/sources.list.d")):
        if path.endswith(".sources"):
            with open(os.path.join("/etc/apt/sources.list.d", path)) as f:
                stanzas += [s for s in f.read().split("\n\n") if s.strip()]
    if os.path.exists("/etc/apt/sources.list"):
        with open("/etc/apt/sources.list") as f:
            for line in f:
                p = line.split()
                if len(p) >= 4 and p[0] == "deb" and not p[1].startswith("["):
                    stanzas.append(f"Types: deb\nURIs: {p[1]}\nSuites: {p[2]}\n"
                                   f"Components: {' '.join(p[3:])}")
    keep = []
    for s in stanzas:
        fields = {}
        for line in s.splitlines():
            if ":" in line and not line.startswith("#"):
                k, v = line.split(":", 1)
                fields[k.strip()] = v.strip()
        suites = [x for x in fields.get("Suites", "").split() if x in SUITES]
        if "deb" not in fields.get("Types", "").split() or not suites:
            continue
        lines = ["Types: deb", f"URIs: {fields['URIs']}", f"Suites: {' '.join(suites)}",
                 "Components: main"]
        if "Signed-By" in fields:
            lines.append(f"Signed-By: {fields['Signed-By']}")
        keep.append("\n".join(lines))
    if not keep:
        raise SystemExit("vm: no Debian 12 (bookworm) source in /etc/apt/sources.list*")
    return "\n\n".join(keep) + "\n"


def digest(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode() if isinstance(p, str) else p)
        h.update(b"\0")
    return h.hexdigest()[:16]


def file_digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def locked(path):
    """An exclusive lock: two runs never build the same layer at once."""
    import fcntl
    f = open(path + ".lock", "w")
    fcntl.flock(f, fcntl.LOCK_EX)
    return f


def base_image(deb):
    packages = sorted(set(SYSTEM + TEST_TOOLS + FLEET_TOOLS + deb_depends(deb)))
    sources = mirror_sources()
    key = digest(BASE_RECIPE, sources, " ".join(packages))
    out = os.path.join(cache_dir(), f"base-{key}.tar")
    with locked(out):
        if os.path.exists(out):
            return out, key
        near = nearest_base(packages, out)
        if near:
            extend_base(near[0], near[1], sources, out)
            return out, key
        log(f"building the base image ({len(packages)} packages and Priority: important, "
            f"from the mirror; several minutes) -> {out}")
        with tempfile.NamedTemporaryFile("w", suffix=".sources", delete=False) as f:
            f.write(sources)
            src = f.name
        tmp = out + ".part"
        try:
            subprocess.run(
                ["mmdebstrap", "--quiet", "--mode=root", "--variant=important",
                 "--aptopt=APT::Install-Recommends \"true\"",
                 "--include=" + ",".join(packages),
                 "--format=tar", "bookworm", tmp, src], check=True)
            os.rename(tmp, out)
        finally:
            os.unlink(src)
            if os.path.exists(tmp):
                os.unlink(tmp)
    return out, key


def installed_packages(tar):
    """Names of the packages installed in a base tarball (its dpkg status)."""
    r = subprocess.run(["tar", "-xOf", tar, "./var/lib/dpkg/status"],
                       capture_output=True, text=True)
    names, name = set(), None
    for line in r.stdout.splitlines():
        if line.startswith("Package: "):
            name = line.split()[1]
        elif line.startswith("Status: ") and line.endswith(" installed") and name:
            names.add(name)
    return names


# A new package list that only adds a few packages to a cached base's
# (a Depends added to the .deb) extends that base with apt-get instead of a
# new mmdebstrap: minutes instead of half an hour on a loaded machine.
EXTEND_MAX = 8


def nearest_base(packages, out):
    """(tarball, missing packages) of the cached base that lacks the fewest
    of PACKAGES, if it lacks at most EXTEND_MAX; else None."""
    d = os.path.dirname(out)
    best = None
    for n in sorted(os.listdir(d)):
        path = os.path.join(d, n)
        if not (n.startswith("base-") and n.endswith(".tar")) or path == out:
            continue
        missing = sorted(set(packages) - installed_packages(path))
        if best is None or len(missing) < len(best[1]):
            best = (path, missing)
    return best if best and len(best[1]) <= EXTEND_MAX else None


def extend_base(base, missing, sources, out):
    log(f"extending {os.path.basename(base)} with {' '.join(missing) or 'nothing'} "
        f"(apt-get from the mirror) -> {out}")
    tmp = tempfile.mkdtemp(prefix="kiosk-vm-base-", dir=os.path.dirname(out))
    try:
        root = os.path.join(tmp, "root")
        os.mkdir(root)
        subprocess.run(["tar", "-xpf", base, "-C", root, "--numeric-owner",
                        "--xattrs", "--xattrs-include=*"], check=True)
        srcdir = os.path.join(root, "etc/apt/sources.list.d")
        for n in os.listdir(srcdir):
            os.unlink(os.path.join(srcdir, n))
        with open(os.path.join(srcdir, "kiosk-vm.sources"), "w") as f:
            f.write(sources)
        shutil.copy("/etc/resolv.conf", os.path.join(root, "etc/resolv.conf"))
        subprocess.run(
            ["unshare", "--mount", "--propagation", "private", "sh", "-ec",
             'mount -t proc proc "$1/proc"; shift; r=$1; shift; '
             'chroot "$r" apt-get -q update; '
             'chroot "$r" apt-get -q -y -o APT::Install-Recommends=true install "$@"; '
             'chroot "$r" apt-get clean; rm -rf "$r"/var/lib/apt/lists/*_*',
             "sh", root, root] + missing,
            check=True, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        os.unlink(os.path.join(srcdir, "kiosk-vm.sources"))
        part = out + ".part"
        subprocess.run(["tar", "-cf", part, "-C", root, "--numeric-owner", "--xattrs",
                        "--xattrs-include=*", "."], check=True)
        os.rename(part, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# What only the test adds to the installed system.
# A unit of its own rather than serial-getty@ttyS0: that one waits for
# dev-ttyS0.device, and a slow TCG boot can miss the 90 s device timeout.
TEST_SHELL = """[Unit]
Description=Root shell on ttyS0 for tests/vm (test image only)
After=systemd-journald.service
[Service]
ExecStart=-/sbin/agetty --autologin root --noclear -L 115200 ttyS0 dumb
Restart=always
RestartSec=1
UtmpIdentifier=ttyS0
StandardInput=tty
StandardOutput=tty
TTYPath=/dev/ttyS0
TTYReset=yes
TTYVHangup=yes
[Install]
WantedBy=multi-user.target
"""
FSTAB = "/dev/vda / ext4 errors=remount-ro 0 1\n"
# As the Debian installer writes it for the one network card. QEMU puts
# the card in PCI slot 2 (`-nic` comes before the `-device`s: iPXE says
# 00:02.0), so the kernel names it ens2; ens3 was written until the sync
# check found the VM without an address (« tcp://:22000 »). Both, as a
# hotplug stanza for a card that is absent does nothing.
INTERFACES = """source /etc/network/interfaces.d/*

auto lo
iface lo inet loopback

allow-hotplug ens2
iface ens2 inet dhcp

allow-hotplug ens3
iface ens3 inet dhcp
"""


def customize(root):
    def write(rel, text, mode=0o644):
        path = os.path.join(root, rel.lstrip("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, mode)

    write("/etc/fstab", FSTAB)
    write("/etc/hostname", "kiosk-vm\n")
    write("/etc/hosts", "127.0.0.1\tlocalhost\n127.0.1.1\tkiosk-vm\n")
    write("/etc/network/interfaces", INTERFACES)
    write("/etc/systemd/system/kiosk-test-shell.service", TEST_SHELL)
    wants = os.path.join(root, "etc/systemd/system/multi-user.target.wants")
    os.makedirs(wants, exist_ok=True)
    link = os.path.join(wants, "kiosk-test-shell.service")
    if not os.path.lexists(link):
        os.symlink("/etc/systemd/system/kiosk-test-shell.service", link)
    write("/etc/motd", "kiosk VM test image (tests/vm): root on the serial console\n")
    # An emulated CPU on a loaded machine is 10-30 times slower than a
    # kiosk PC: the kiosk's first start took over the shipped 90 s to READY
    # (first frame 39-46 s after its start at load 20), systemd killed it
    # and started it again, twice per boot. The test image gives the start
    # the time the emulator needs; what a timed-out start does is its own
    # finding (docs/vm-test.md).
    write("/etc/systemd/system/kiosk.service.d/vm-emulator.conf",
          "# tests/vm only (image.py): an emulated CPU\n[Service]\nTimeoutStartSec=15min\n")
    # The journal kept on disk, as on a box where /var/log/journal exists:
    # the test reads the boots before a power cut.
    os.makedirs(os.path.join(root, "var/log/journal"), exist_ok=True)


def kiosk_image(deb, size="4G"):
    """Returns the directory holding root.img, vmlinuz and initrd.img."""
    base, base_key = base_image(deb)
    key = digest(IMAGE_RECIPE, base_key, file_digest(deb))
    out = os.path.join(cache_dir(), f"kiosk-{key}")
    with locked(out):
        if os.path.exists(os.path.join(out, "root.img")):
            return out
        log(f"building the kiosk image from {deb} -> {out}")
        tmp = tempfile.mkdtemp(prefix="kiosk-vm-", dir=cache_dir())
        try:
            root = os.path.join(tmp, "root")
            os.mkdir(root)
            subprocess.run(["tar", "-xpf", base, "-C", root, "--numeric-owner",
                            "--xattrs", "--xattrs-include=*"], check=True)
            shutil.copy(deb, os.path.join(root, "tmp/kiosk.deb"))
            # dpkg as on a real box; /proc for its scripts, in a mount
            # namespace of its own so nothing is left mounted.
            subprocess.run(
                ["unshare", "--mount", "--propagation", "private", "sh", "-ec",
                 'mount -t proc proc "$1/proc"; chroot "$1" dpkg -i /tmp/kiosk.deb',
                 "sh", root], check=True, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
            os.unlink(os.path.join(root, "tmp/kiosk.deb"))
            enabled = os.path.join(root, "etc/systemd/system/graphical.target.wants/kiosk.service")
            if not os.path.lexists(enabled):
                raise SystemExit("vm: the package did not enable kiosk.service")
            customize(root)
            boot = os.path.join(root, "boot")
            kernels = sorted(f for f in os.listdir(boot) if f.startswith("vmlinuz-"))
            initrd = kernels and "initrd.img-" + kernels[-1][len("vmlinuz-"):]
            if not kernels or not os.path.exists(os.path.join(boot, initrd)):
                raise SystemExit(f"vm: no kernel or initrd in the image's /boot: {os.listdir(boot)}")
            stage = os.path.join(tmp, "out")
            os.mkdir(stage)
            shutil.copy(os.path.join(boot, kernels[-1]), os.path.join(stage, "vmlinuz"))
            shutil.copy(os.path.join(boot, initrd), os.path.join(stage, "initrd.img"))
            # The kernel command line GRUB would boot: Debian's default
            # ("quiet") with what the packages add in /etc/default/grub.d.
            cmdline = subprocess.run(
                ["chroot", root, "sh", "-c",
                 'GRUB_CMDLINE_LINUX_DEFAULT=quiet; GRUB_CMDLINE_LINUX=; '
                 'for f in /etc/default/grub.d/*.cfg; do [ -f "$f" ] && . "$f"; done; '
                 'echo $GRUB_CMDLINE_LINUX $GRUB_CMDLINE_LINUX_DEFAULT'],
                check=True, capture_output=True, text=True).stdout.strip()
            with open(os.path.join(stage, "cmdline"), "w") as f:
                f.write(cmdline + "\n")
            subprocess.run(["mke2fs", "-q", "-t", "ext4", "-L", "kiosk-root", "-d", root,
                            os.path.join(stage, "root.img"), size], check=True)
            with open(os.path.join(stage, "deb"), "w") as f:
                f.write(f"{os.path.abspath(deb)}\n{file_digest(deb)}\n")
            shutil.rmtree(out, ignore_errors=True)
            os.rename(stage, out)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    prune(KEEP_IMAGES)
    return out


# Each `make deb` stamps new times into the package, so each gives a new
# image: the oldest are removed (a VM already running keeps its open file).
KEEP_IMAGES = 6


def prune(keep):
    d = cache_dir()
    images = sorted((os.path.join(d, n) for n in os.listdir(d)
                     if n.startswith("kiosk-") and os.path.isdir(os.path.join(d, n))
                     and not n.startswith("kiosk-vm-")), key=os.path.getmtime)
    for old in images[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


if __name__ == "__main__":
    print(kiosk_image(sys.argv[1]))
