#!/usr/bin/env python3
"""The display side of issue 23 in a real boot (items 2-4), on the VM
harness (machine.py, image.py, screen.py, session.py):

    python3 tests/vm/display.py [--deb FILE] [--display virtio] [--out DIR]

One boot of the package as shipped, on a display without working 3D by
default (QEMU's virtio-vga without virgl: cage crashes in kms_swrast with
GLES), under the real kiosk.service and its sandbox:
- display: the attract screen is reached; the journal names the renderer
  choice (kiosk-cage) and the kiosk's renderer (gfx);
- page: the kiosk killed with SIGSEGV -> the out-of-order page, then the
  attract screen again, with what the screen showed meanwhile;
- console: no text cursor (vt.global_cursor_default is 0);
- restart: `systemctl restart kiosk` -> no cage abort, the attract screen.
Prints PASS/FAIL lines like tests/run.sh. On `-vga std` (bochs-drm, no
PRIME import for Debian 12's wlroots) and `ramfb` the kiosk runs without
cage: docs/setup.md; vmtest.py's checks cover those.
"""

import argparse
import glob
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import image  # noqa: E402
import machine  # noqa: E402
import screen  # noqa: E402
import session  # noqa: E402


def say(ok, name, text):
    print(f"{'PASS' if ok else 'FAIL'} vm {name}: {text}", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--deb")
    ap.add_argument("--display", default="virtio", choices=["virtio", "virtio-gl", "ramfb", "std"])
    ap.add_argument("--out", default="build/vm")
    a = ap.parse_args()
    deb = a.deb or sorted(glob.glob("build/kiosk_*.deb"), key=os.path.getmtime)[-1]
    os.makedirs(a.out, exist_ok=True)
    m = machine.Machine(image.kiosk_image(deb), tempfile.mkdtemp(prefix="kiosk-vm-"),
                        display=a.display)
    p = session.Person(m, None, a.out)

    def watch(seconds, tag, until=None):
        """What the screen shows over SECONDS: [(t, kind)], kept as PNGs."""
        seen, t0 = [], time.monotonic()
        while time.monotonic() - t0 < seconds:
            img = p.dump()
            k = screen.classify(img)
            if not seen or seen[-1][1] != k:
                seen.append((round(m.since_power(), 1), k))
                p.keep(img, f"display-{a.display}-{tag}-{len(seen)}-{k}")
            if until and k == until:
                break
            time.sleep(0.3)
        return seen

    def story(seen):
        return ", ".join(f"{k} at {t:.0f} s" for t, k in seen)

    m.start()
    try:
        m.wait_shell(1200)
        boot = watch(900, "boot", until="attract")
        journal = m.sh("journalctl -b -o cat --no-pager -t kiosk | "
                       "grep -E 'kiosk-cage|gfx: renderer|EGL not' | head -5")
        ok = boot and boot[-1][1] == "attract"
        say(ok, "display", f"{a.display}: {story(boot)} (power-on = 0); journal: "
            + " | ".join(journal.splitlines()))
        if not ok:
            return 1
        cursor = m.sh("cat /sys/module/vt/parameters/global_cursor_default")
        say(cursor.strip() == "0", "console", f"vt.global_cursor_default={cursor.strip()}, "
            f"boot screens: {sorted(set(k for _, k in boot))}")
        t_kill = m.since_power()
        m.run("pkill -SEGV -x kiosk")
        crash = watch(240, "crash")
        after = [(t, k) for t, k in crash if t >= t_kill]
        page = next((t for t, k in after if k == "out-of-order"), None)
        back = next((t for t, k in after if k == "attract" and page and t > page), None)
        say(page is not None and back is not None, "page",
            f"kiosk killed (SIGSEGV) at {t_kill:.0f} s: {story(after)}; the page "
            f"{page - t_kill:.1f} s after the kill, the attract screen again "
            f"{back - t_kill:.1f} s after it" if page and back else
            f"kiosk killed at {t_kill:.0f} s: {story(after)}")
        count = ("journalctl -b -o cat --no-pager -t kiosk | "
                 "grep -c 'wl_display_terminate: Assertion' || true")
        before = int(m.sh(count).strip() or 0)
        t0 = time.monotonic()
        m.sh("systemctl restart kiosk", timeout=300)
        took = time.monotonic() - t0
        again = watch(120, "restart", until="attract")
        result = m.sh("systemctl show kiosk -p Result --value").strip()
        aborts = int(m.sh(count).strip() or 0) - before
        say(result == "success" and aborts == 0 and again[-1][1] == "attract",
            "restart", f"systemctl restart took {took:.1f} s, Result={result}, "
            f"cage aborts: {aborts}, then {story(again)}")
    finally:
        m.destroy()
    return 0


if __name__ == "__main__":
    sys.exit(main())
