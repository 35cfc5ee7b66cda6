#!/usr/bin/env python3
"""make vm-test: the kiosk's .deb installed in a Debian 12 VM and booted as
shipped, what the screen shows read back, touched and typed at.

    python3 tests/vm/vmtest.py [--deb FILE] [--checks LIST] [--display std]
        [--boots 5] [--power-cuts 20] [--env KEY=VALUE]... [--out DIR]
    python3 tests/vm/vmtest.py --boot-only     # boot, print where to look, wait

Prints "PASS name: figures" or "FAIL name: why" per check (tests/run.sh's
format) and ends with "N passed, N failed". See docs/vm-test.md.
"""

import argparse
import glob
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import checks  # noqa: E402
import image  # noqa: E402
import machine  # noqa: E402
import plan as plan_mod  # noqa: E402

SHORT = ["boot", "taps", "power-cut"]
ALL = ["boot", "taps", "keys", "kill", "stop", "power-cuts", "reboots", "crash-loop",
       "export", "content", "export-timer", "retry", "sync", "input-hotplug",
       "renderer-fallback", "console-keys"]


def newest_deb():
    debs = sorted(glob.glob("build/kiosk_*.deb"), key=os.path.getmtime)
    if not debs:
        raise SystemExit("vm: no build/kiosk_*.deb: run `make deb` first (make vm-test does)")
    return debs[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--deb", help="the package to install (default: the newest build/kiosk_*.deb)")
    ap.add_argument("--checks", default="all",
                    help=f"comma-separated, or 'short' ({','.join(SHORT)}) or 'all' "
                         f"({','.join(ALL)})")
    ap.add_argument("--display", default=os.environ.get("VM_DISPLAY", "virtio"),
                    choices=["std", "virtio", "virtio-gl", "ramfb"])
    ap.add_argument("--touch", choices=["tablet", "uinput"],
                    help="taps by QEMU's usb-tablet (an absolute pointer; default) or by a "
                         "touchscreen made inside the guest (uinput; default on --display std, "
                         "where the kiosk runs without cage and SDL ignores absolute pointers)")
    ap.add_argument("--size", default=os.environ.get("VM_SIZE", "1280x720"))
    ap.add_argument("--boots", type=int, default=5)
    ap.add_argument("--power-cuts", type=int, default=20)
    ap.add_argument("--env", action="append", default=[],
                    help="KEY=VALUE for every unit (systemd.setenv= on the kernel command line)")
    ap.add_argument("--image", help="an image directory already built (VM_CACHE/kiosk-*), "
                    "instead of the one of --deb")
    ap.add_argument("--smp", type=int, default=2)
    ap.add_argument("--out", default=os.environ.get("VM_OUT", "build/vm"),
                    help="screenshots and logs (default build/vm)")
    ap.add_argument("--boot-only", action="store_true",
                    help="boot one VM, print its sockets and wait (Ctrl+C ends it)")
    a = ap.parse_args()

    deb = a.deb or newest_deb()
    touch = a.touch or ("uinput" if a.display == "std" else "tablet")
    size = tuple(int(v) for v in a.size.split("x"))
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="kiosk-vm-")
    img_dir = a.image or image.kiosk_image(deb)
    accel = "kvm" if machine.kvm_usable() else "tcg"
    load = os.getloadavg()
    print(f"# vm: {deb} ({image.file_digest(deb)[:12]}), image {img_dir}, {a.display} display "
          f"{a.size}, taps by {touch}, {accel.upper()}, {a.smp} vCPU, host load {load[0]:.1f} on "
          f"{os.cpu_count()} cores", flush=True)

    def new_machine(**kw):
        m = machine.Machine(img_dir, work, display=a.display, size=size, smp=a.smp,
                            env=a.env, accel=accel, touch=touch, **kw)
        return m

    if a.boot_only:
        m = new_machine().start()
        # QEMU serves one client per socket: hand them over.
        m.qmp.close()
        m.shell.close()
        print(f"QMP: {m.dir}/qmp.sock  serial (root shell): {m.dir}/serial.sock\n"
              f"screen: python3 tests/vm/shot.py {m.dir}/qmp.sock out.png\n"
              f"Ctrl+C powers it off.", flush=True)
        try:
            m.proc.wait()
        except KeyboardInterrupt:
            pass
        m.destroy()
        return 0

    names = SHORT if a.checks == "short" else ALL if a.checks == "all" else a.checks.split(",")
    unknown = [n for n in names if n not in ALL + ["power-cut", "framebuffer"]]
    if unknown:
        raise SystemExit(f"vm: unknown checks {unknown}; known: {ALL}")
    if a.checks == "short":
        a.boots = 1
    plan = plan_mod.Plan(deb, size, work)
    ctx = checks.Context(new_machine, plan, a.out, boots=a.boots, power_cuts=a.power_cuts)
    t0 = time.monotonic()
    for n in names:
        checks.run(ctx, n)
    ctx.finish()
    print(f"# vm: {time.monotonic() - t0:.0f} s in all; host load now "
          f"{os.getloadavg()[0]:.1f}")
    print(f"{ctx.passed} passed, {ctx.failed} failed")
    return 0 if ctx.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
