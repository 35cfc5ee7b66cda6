"""One QEMU virtual machine: power, screen, touches, keys, a root shell.

- power: start (power-on), kill -9 of QEMU (a power cut: what the guest had
  not flushed to its disk is lost), QMP system_reset;
- screen: QMP screendump (PPM), read by screen.py;
- touch: QMP input-send-event to a usb-tablet (an absolute pointer, as a
  USB touchscreen that presents itself as a mouse does), keys to a usb-kbd;
- commands: a root shell on the serial port (ttyS0, autologin in the test
  image only); tty1, what the screen shows, is left to the kiosk.
"""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time

import image

# QMP's absolute axes run from 0 to 0x7fff.
ABS_MAX = 0x7FFF


# The guest's CPU under TCG: QEMU's "max" without AVX and AVX2. With them,
# Mesa's llvmpipe (which draws the kiosk, the page and cage's GLES on a
# display without 3D) died of SIGSEGV on AVX2 gathers (vpgatherdd) in its
# generated code, again and again in some runs and never in others, while
# the same binaries draw with AVX2 on this machine's real CPU in every
# suite: QEMU 7.2's emulation, not the kiosk (docs/vm-test.md). Kiosk
# boxes of the Celeron N class have neither anyway; llvmpipe then uses SSE.
TCG_CPU = "max,avx=off,avx2=off"


def log(msg):
    print(f"vm: {msg}", flush=True)


def kvm_usable():
    """KVM only if /dev/kvm opens; whether a guest boots under it is seen
    at the first boot (Machine.boot falls back to TCG)."""
    try:
        fd = os.open("/dev/kvm", os.O_RDWR)
        os.close(fd)
        return True
    except OSError:
        return False


class QMP:
    def __init__(self, path, timeout=60):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buf = b""
        self._read()  # the greeting
        self.cmd("qmp_capabilities")

    def _read(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("QMP closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def cmd(self, name, **args):
        msg = {"execute": name}
        if args:
            msg["arguments"] = args
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        while True:
            r = self._read()
            if "return" in r:
                return r["return"]
            if "error" in r:
                raise RuntimeError(f"QMP {name}: {r['error'].get('desc')}")
            # events (RESET, SHUTDOWN...) are not needed: skip them

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class Shell:
    """The root shell on ttyS0. Each command's output ends with a marker
    that the typed line itself cannot contain (printf writes it from octal
    escapes), so the echo of the line is never mistaken for the end."""

    def __init__(self, path):
        self.path = path
        self.sock = None
        self.buf = b""
        self.n = 0

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)
        self.sock.settimeout(1)
        self.buf = b""

    def _recv(self):
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout:
            return False
        if not chunk:
            raise ConnectionError("serial closed")
        self.buf += chunk
        return True

    def run(self, command, timeout=120, check=False):
        """Runs COMMAND in the guest's shell; returns (status, output)."""
        self.n += 1
        tag = f"{os.getpid()}x{self.n}"
        # \100 is '@': the marker appears only in the output.
        line = f"{command}\nprintf '\\100\\100{tag}:%s\\100\\100\\n' $?\n"
        self.buf = b""
        self.sock.sendall(line.encode())
        want = f"@@{tag}:".encode()
        end = time.monotonic() + timeout
        while want not in self.buf:
            if time.monotonic() > end:
                raise TimeoutError(f"guest command timed out after {timeout} s: {command}")
            self._recv()
        head, tail = self.buf.split(want, 1)
        while b"@@" not in tail:
            self._recv()
            head, tail = self.buf.split(want, 1)
        status = int(tail.split(b"@@", 1)[0])
        out = head.decode(errors="replace").replace("\r", "")
        # Drop the echo of the typed lines, if the terminal still echoes.
        lines = [x for x in out.split("\n") if not x.startswith("printf '\\100")
                 and x != command]
        text = "\n".join(lines).strip("\n")
        if check and status != 0:
            raise RuntimeError(f"guest command failed ({status}): {command}\n{text}")
        return status, text

    def out(self, command, timeout=120):
        return self.run(command, timeout=timeout, check=True)[1]

    def wait_ready(self, timeout):
        """Waits for the autologin shell and makes it quiet (no echo, no
        prompt). Returns False if it did not come within TIMEOUT."""
        # Already set up (quiet: no prompt to wait for): one command says so.
        if self.sock is not None:
            try:
                if self.run("true", timeout=min(timeout, 10))[0] == 0:
                    return True
            except (OSError, ConnectionError, TimeoutError):
                self.close()
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                if self.sock is None:
                    self.connect()
                self.sock.sendall(b"\n")
                deadline = time.monotonic() + 3
                while time.monotonic() < deadline:
                    self._recv()
                    if b"# " in self.buf or b"root@" in self.buf:
                        break
                if b"# " in self.buf or b"root@" in self.buf:
                    self.run("stty -echo -onlcr; PS1=''; PS2=''; export TERM=dumb SYSTEMD_PAGER= "
                             "SYSTEMD_COLORS=0", timeout=30)
                    return True
            except (OSError, ConnectionError, TimeoutError):
                # Closed, not dropped: QEMU's serial socket takes one
                # client at a time and refuses the next while it is open.
                self.close()
                time.sleep(1)
        return False

    def close(self):
        if self.sock:
            try:
                self.sock.close()
            except OSError:
                pass
        self.sock = None


# A touchscreen inside the guest, as the kernel sees a real one: a uinput
# device with INPUT_PROP_DIRECT, BTN_TOUCH and multi-touch axes (udev tags
# it ID_INPUT_TOUCHSCREEN), in Perl (perl-base is in every Debian system;
# the image needs nothing more). It reads "X Y HOLD_MS" lines (X, Y in
# 0..32767) from a FIFO and sends a one-finger tap. For the kiosk run
# without cage: SDL 2.26 reads evdev itself and ignores an absolute
# pointer such as QEMU's usb-tablet, but takes a touchscreen.
TOUCHD = r"""use strict;
my $fifo = '/run/vm-touch';
open(my $u, '+<', '/dev/uinput') or die "uinput: $!";
sub io { ioctl($u, $_[0], $_[1]) or die sprintf("ioctl %x %d: $!", @_) }
my ($EV, $KEY, $ABS, $PROP) = (0x40045564, 0x40045565, 0x40045567, 0x4004556e);
io($EV, 1); io($EV, 3); io($KEY, 0x14a); io($PROP, 1);
my @max = (0) x 64;
@max[0, 1, 0x35, 0x36] = (32767) x 4;
$max[0x2f] = 9;
$max[0x39] = 65535;
io($ABS, $_) for (0, 1, 0x2f, 0x35, 0x36, 0x39);
syswrite($u, pack('a80 S4 L l64 l64 l64 l64', 'kiosk-vm touchscreen', 3, 0x1d6b, 0x0105, 1, 0,
    @max, (0) x 192)) or die "uinput write: $!";
io(0x5501, 0);
sub ev { syswrite($u, pack('q q S S l', 0, 0, @_)) }
my $id = 0;
while (1) {
    open(my $f, '<', $fifo) or die "$fifo: $!";
    while (my $line = <$f>) {
        my ($x, $y, $hold) = split ' ', $line;
        $id++;
        ev(3, 0x2f, 0); ev(3, 0x39, $id); ev(3, 0x35, $x); ev(3, 0x36, $y);
        ev(1, 0x14a, 1); ev(3, 0, $x); ev(3, 1, $y); ev(0, 0, 0);
        select(undef, undef, undef, $hold / 1000);
        ev(3, 0x39, -1); ev(1, 0x14a, 0); ev(0, 0, 0);
    }
    close $f;
}
"""


class Machine:
    """A VM over its own overlay of the kiosk image.

    display: "std" (-vga std, bochs-drm), "virtio" (virtio-vga without 3D),
    "virtio-gl" (virtio-vga-gl, virgl over the host's Mesa), "ramfb".
    env: KEY=VALUE set for every unit through systemd.setenv= on the kernel
    command line (to try a setting without rebuilding the image).
    usb_drive: a disk image file attached as a usb-storage device at start.
    """

    def __init__(self, image_dir, workdir, display="std", size=(1280, 720), mem=2048, smp=2,
                 env=(), accel=None, usb_drive=None, touch="tablet"):
        self.image_dir = image_dir
        self.dir = tempfile.mkdtemp(prefix="vm-", dir=workdir)
        self.display = display
        self.size = size
        self.mem = mem
        self.smp = smp
        self.env = list(env)
        self.accel = accel or ("kvm" if kvm_usable() else "tcg")
        self.usb_drive = usb_drive
        self.touch = touch  # "tablet" (QEMU's usb-tablet) or "uinput" (TOUCHD)
        self.disk = os.path.join(self.dir, "disk.qcow2")
        subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-F", "raw", "-b",
                        os.path.join(image_dir, "root.img"), self.disk], check=True)
        self.proc = None
        self.qmp = None
        self.shell = Shell(os.path.join(self.dir, "serial.sock"))
        self.t_power = None
        self.shots = 0

    @classmethod
    def attach(cls, vmdir):
        """A running VM started elsewhere (vmtest.py --boot-only), by its
        directory: its screen, input and shell, not its power."""
        m = cls.__new__(cls)
        m.dir = vmdir
        m.proc = None
        m.qmp = QMP(os.path.join(vmdir, "qmp.sock"))
        m.shell = Shell(os.path.join(vmdir, "serial.sock"))
        m.t_power = time.monotonic()
        m.shots = 0
        m.touch = "tablet"
        return m

    def _display_args(self):
        w, h = self.size
        if self.display == "std":
            return ["-vga", "none", "-device", f"VGA,edid=on,xres={w},yres={h}"]
        if self.display == "virtio":
            return ["-vga", "none", "-device", f"virtio-vga,xres={w},yres={h}"]
        if self.display == "virtio-gl":
            return ["-vga", "none", "-device", f"virtio-vga-gl,xres={w},yres={h}",
                    "-display", "egl-headless"]
        if self.display == "ramfb":
            return ["-vga", "none", "-device", "ramfb"]
        raise ValueError(f"unknown display {self.display}")

    def _firmware_args(self):
        """SeaBIOS, QEMU's default, but UEFI (OVMF) for ramfb: a display
        that exists only as the framebuffer the firmware hands over (UEFI's
        GOP; the kernel's efifb), as on a box whose GPU has no kernel
        driver. Under SeaBIOS a -kernel boot stays in text mode and the
        kernel sees no framebuffer at all."""
        if self.display != "ramfb":
            return []
        vars_copy = os.path.join(self.dir, "OVMF_VARS.fd")
        if not os.path.exists(vars_copy):
            shutil.copyfile("/usr/share/OVMF/OVMF_VARS.fd", vars_copy)
        return ["-drive", "if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE.fd",
                "-drive", f"if=pflash,format=raw,file={vars_copy}"]

    def command(self):
        # As GRUB would boot it (image.py wrote what the packages add).
        try:
            with open(os.path.join(self.image_dir, "cmdline")) as f:
                extra = f.read().strip()
        except OSError:
            extra = "quiet"
        cmdline = f"root=/dev/vda ro {extra}"
        for e in self.env:
            cmdline += f" systemd.setenv={e}"
        args = ["qemu-system-x86_64", "-name", "kiosk-vm", "-machine", "pc",
                *self._firmware_args(),
                "-accel", self.accel, "-cpu", "host" if self.accel == "kvm" else TCG_CPU,
                "-m", str(self.mem), "-smp", str(self.smp),
                "-kernel", os.path.join(self.image_dir, "vmlinuz"),
                "-initrd", os.path.join(self.image_dir, "initrd.img"),
                "-append", cmdline,
                "-drive", f"file={self.disk},if=virtio,format=qcow2",
                "-nic", "user,model=virtio-net-pci,restrict=on",
                "-device", "qemu-xhci,id=xhci",
                "-device", "usb-tablet,bus=xhci.0", "-device", "usb-kbd,bus=xhci.0",
                "-chardev", f"socket,id=ser0,path={self.shell.path},server=on,wait=off",
                "-serial", "chardev:ser0",
                "-qmp", f"unix:{os.path.join(self.dir, 'qmp.sock')},server=on,wait=off",
                "-monitor", "none", "-parallel", "none"]
        if "-display" not in self._display_args():
            args += ["-display", "none"]
        args += self._display_args()
        if self.usb_drive:
            args += ["-drive", f"file={self.usb_drive},if=none,id=usbdisk,format=raw",
                     "-device", "usb-storage,bus=xhci.0,drive=usbdisk,id=usbstick"]
        return args

    def start(self):
        """Power-on. The time of this call is t=0 of every boot figure."""
        self.t_power = time.monotonic()
        self.proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL,
                                     stdout=open(os.path.join(self.dir, "qemu.log"), "ab"),
                                     stderr=subprocess.STDOUT)
        qmp = os.path.join(self.dir, "qmp.sock")
        end = time.monotonic() + 30
        while not os.path.exists(qmp) or not os.path.exists(self.shell.path):
            if self.proc.poll() is not None or time.monotonic() > end:
                raise RuntimeError(f"QEMU did not start: {self.qemu_log()}")
            time.sleep(0.05)
        # The socket file exists from QEMU's bind(), a moment before its
        # listen(): a connection then is refused.
        while True:
            try:
                self.qmp = QMP(qmp)
                break
            except ConnectionRefusedError:
                if self.proc.poll() is not None or time.monotonic() > end:
                    raise
                time.sleep(0.1)
        self.shell.close()
        return self

    def qemu_log(self):
        try:
            with open(os.path.join(self.dir, "qemu.log")) as f:
                return f.read()[-2000:]
        except OSError:
            return ""

    def since_power(self):
        return time.monotonic() - self.t_power

    def power_cut(self):
        """The plug pulled: QEMU killed at once, nothing flushed."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.qmp:
            self.qmp.close()
        self.qmp = None
        self.shell.close()
        for s in ("qmp.sock", "serial.sock"):
            try:
                os.unlink(os.path.join(self.dir, s))
            except OSError:
                pass

    def stop(self):
        self.power_cut()

    def destroy(self):
        self.stop()
        if not os.environ.get("VM_KEEP"):
            shutil.rmtree(self.dir, ignore_errors=True)

    def alive(self):
        if self.proc is None:
            return self.qmp is not None  # attached: alive while QMP answers
        return self.proc.poll() is None

    # The screen

    def screendump(self, path=None):
        path = path or os.path.join(self.dir, "screen.ppm")
        self.qmp.cmd("screendump", filename=path)
        self.shots += 1
        return path

    # Input

    def _abs(self, fx, fy):
        return [{"type": "abs", "data": {"axis": "x", "value": int(fx * ABS_MAX)}},
                {"type": "abs", "data": {"axis": "y", "value": int(fy * ABS_MAX)}}]

    def move(self, fx, fy):
        self.qmp.cmd("input-send-event", events=self._abs(fx, fy))

    def tap(self, fx, fy, hold=0.1):
        """A touch at fractions of the screen, as a touchscreen that
        presents itself as an absolute pointer sends it: the position and
        the press in one report, the release HOLD seconds later. With
        touch="uinput", a finger on the guest's own touchscreen (TOUCHD)."""
        if self.touch == "uinput":
            self.touch_ready()
            self.sh(f"echo {int(fx * ABS_MAX)} {int(fy * ABS_MAX)} {int(hold * 1000)} "
                    f"> /run/vm-touch")
            return
        self.qmp.cmd("input-send-event", events=self._abs(fx, fy) + [
            {"type": "btn", "data": {"down": True, "button": "left"}}])
        time.sleep(hold)
        self.qmp.cmd("input-send-event", events=[
            {"type": "btn", "data": {"down": False, "button": "left"}}])

    def touch_ready(self):
        """The guest's touchscreen (TOUCHD), made once per boot."""
        if self.run("test -p /run/vm-touch && pgrep -f vm-touchd >/dev/null")[0] == 0:
            return
        self.sh(f"cat > /run/vm-touchd.pl <<'EOF'\n{TOUCHD}EOF\n"
                "rm -f /run/vm-touch; mkfifo /run/vm-touch; "
                "(setsid perl /run/vm-touchd.pl vm-touchd </dev/null >/run/vm-touchd.log 2>&1 &); "
                "for i in $(seq 100); do grep -q 'kiosk-vm touchscreen' /proc/bus/input/devices "
                "&& break; sleep 0.1; done; udevadm settle; "
                "grep -q 'kiosk-vm touchscreen' /proc/bus/input/devices || "
                "{ cat /run/vm-touchd.log; false; }")

    def touchscreen_props(self):
        """What udev says of the guest's touchscreen (ID_INPUT_*)."""
        return self.sh("for e in /sys/class/input/event*; do grep -q 'kiosk-vm touchscreen' "
                       "$e/device/name && udevadm info -q property -p $e | grep '^ID_INPUT'; "
                       "done | tr '\\n' ' '")

    def key(self, qcode, hold=0.05):
        """A key by its QEMU name (ret, tab, down, esc, a, f4...); with
        modifiers as a list: ["alt", "f4"]."""
        codes = qcode if isinstance(qcode, list) else [qcode]
        for c in codes:
            self.qmp.cmd("input-send-event", events=[
                {"type": "key", "data": {"down": True, "key": {"type": "qcode", "data": c}}}])
        time.sleep(hold)
        for c in reversed(codes):
            self.qmp.cmd("input-send-event", events=[
                {"type": "key", "data": {"down": False, "key": {"type": "qcode", "data": c}}}])

    # A USB drive, plugged in and pulled out while the machine runs

    def plug_usb(self, path, name="usbstick"):
        """Plugs disk image PATH in as a USB mass-storage device (the xHCI
        port a drive would take), as a person does at a running kiosk."""
        self.qmp.cmd("blockdev-add", **{"driver": "raw", "node-name": name + "-disk",
                                        "file": {"driver": "file", "filename": path}})
        self.qmp.cmd("device_add", driver="usb-storage", bus="xhci.0",
                     drive=name + "-disk", id=name)

    def unplug_usb(self, name="usbstick"):
        """Pulls the drive out, whatever the guest is doing with it."""
        self.qmp.cmd("device_del", id=name)
        end = time.monotonic() + 30
        while time.monotonic() < end:
            try:
                self.qmp.cmd("blockdev-del", **{"node-name": name + "-disk"})
                return
            except RuntimeError:  # still in use until the device is gone
                time.sleep(0.5)
        raise TimeoutError(f"QEMU kept the drive {name} after device_del")

    # The shell

    def wait_shell(self, timeout=300):
        if not self.shell.wait_ready(timeout):
            raise TimeoutError(f"no root shell on the serial port within {timeout} s")
        return self.shell

    def sh(self, command, timeout=120):
        """A guest command's output; raises if it fails."""
        return self.shell.out(command, timeout=timeout)

    def run(self, command, timeout=120):
        return self.shell.run(command, timeout=timeout)


def kiosk_machine(deb, workdir, **kw):
    return Machine(image.kiosk_image(deb), workdir, **kw)
