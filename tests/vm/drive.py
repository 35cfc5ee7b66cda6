"""A USB drive for the VM: a disk image with one FAT partition, as a drive
from a shop comes (an MBR partition table, the file system from 1 MiB), and
what is on it read back on this machine with mtools (no mount, no root).
"""

import os
import struct
import subprocess

OFFSET = 1 << 20  # the partition starts at 1 MiB (sector 2048)


def make(path, size_mb=64, label="KIOSKUSB", files=()):
    """Writes PATH: an MBR with one FAT16 partition (type 0x0e, LBA) filling
    the disk, formatted; FILES ((name, host path)...) copied onto it."""
    size = size_mb << 20
    with open(path, "wb") as f:
        f.truncate(size)
        start, count = OFFSET // 512, (size - OFFSET) // 512
        # status, CHS first (unused: LBA), type, CHS last, LBA start, sectors
        entry = struct.pack("<B3sB3sII", 0, b"\xfe\xff\xff", 0x0E, b"\xfe\xff\xff",
                            start, count)
        f.seek(446)
        f.write(entry + b"\0" * 48 + b"\x55\xaa")
    subprocess.run(["mkfs.vfat", "-F", "16", "-n", label, f"--offset={OFFSET // 512}",
                    path, str((size - OFFSET) // 1024)], check=True, capture_output=True)
    for name, src in files:
        subprocess.run(["mcopy", "-i", f"{path}@@{OFFSET}", src, f"::/{name}"], check=True)
    return path


def listing(path):
    """{name: size} of the files at the drive's top level."""
    r = subprocess.run(["mdir", "-b", "-i", f"{path}@@{OFFSET}", "::/"],
                       capture_output=True, text=True)
    files = {}
    for line in r.stdout.splitlines():
        name = line.strip().removeprefix("::/")
        if not name or name.endswith("/"):
            continue
        out = subprocess.run(["mcopy", "-n", "-i", f"{path}@@{OFFSET}", f"::/{name}", "-"],
                             capture_output=True)
        files[name] = len(out.stdout) if out.returncode == 0 else None
    return files


def read(path, name):
    return subprocess.run(["mcopy", "-n", "-i", f"{path}@@{OFFSET}", f"::/{name}", "-"],
                          check=True, capture_output=True).stdout


def fsck(path):
    """fsck.vfat's verdict on the file system, read-only: (ok, whether the
    dirty bit was set, its output); ok allows the dirty bit alone."""
    # fsck.vfat has no offset option: check a copy of the partition.
    part = path + ".part"
    with open(path, "rb") as src, open(part, "wb") as dst:
        src.seek(OFFSET)
        while True:
            b = src.read(1 << 20)
            if not b:
                break
            dst.write(b)
    r = subprocess.run(["fsck.vfat", "-n", part], capture_output=True, text=True)
    os.unlink(part)
    out = (r.stdout + r.stderr).strip()
    # Linux sets the volume's dirty bit while it is mounted read-write: a
    # drive pulled out without unmounting keeps it, and fsck says so (and
    # exits 1) even when every file and cluster is sound.
    dirty = "Dirty bit is set" in out
    rest = [x for x in out.splitlines()[1:-1]
            if not x.startswith(("Dirty bit is set", " Automatically removing dirty bit"))
            and x.strip() not in ("", "Leaving filesystem unchanged.")]
    return (r.returncode == 0 or (dirty and not rest)), dirty, out
