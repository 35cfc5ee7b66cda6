#!/usr/bin/env python3
"""The screen of a running test VM as a PNG, and what it looks like:
    python3 tests/vm/shot.py QMP_SOCKET OUT.png
(QMP_SOCKET as printed by `vmtest.py --boot-only`)."""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import machine  # noqa: E402
import screen  # noqa: E402

if len(sys.argv) != 3:
    raise SystemExit(__doc__)
qmp = machine.QMP(sys.argv[1])
ppm = os.path.join(tempfile.mkdtemp(), "screen.ppm")
qmp.cmd("screendump", filename=ppm)
img = screen.Image.ppm(ppm)
img.save_png(sys.argv[2])
os.unlink(ppm)
print(f"{sys.argv[2]}: {img.w}x{img.h}, {screen.classify(img)}")
