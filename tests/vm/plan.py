"""Where to touch: the .deb's own kiosk, run headless on this machine at the
VM's screen size, says where its fixed controls are (`controls`) and which
keys lead to the final quiz. The quiz's choices are shuffled for every
session, so those are found on the VM's screen instead (screen.py)."""

import os
import re
import subprocess
import tempfile


class Plan:
    def __init__(self, deb, size, workdir):
        self.root = tempfile.mkdtemp(prefix="deb-", dir=workdir)
        subprocess.run(["dpkg-deb", "-x", deb, self.root], check=True)
        self.size = size
        self.controls = {}  # screen -> {label: (fx, fy)}
        self._learn_controls()
        self.tabs_to_quiz = self._learn_keys()

    def kiosk(self, script, name, config=None):
        path = os.path.join(self.root, name + ".script")
        with open(path, "w") as f:
            f.write(script)
        db = os.path.join(self.root, name + ".db")
        if os.path.exists(db):
            os.unlink(db)
        r = subprocess.run(
            [os.path.join(self.root, "usr/bin/kiosk"), "--headless", "--script", path,
             "--size", f"{self.size[0]}x{self.size[1]}", "--trace",
             "--config", config or os.path.join(self.root, "etc/kiosk/kiosk.yaml"),
             "--content", os.path.join(self.root, "usr/share/kiosk/modules/tu-me-suis"),
             "--db", db],
            capture_output=True, text=True, env=dict(os.environ, SDL_AUDIODRIVER="dummy"))
        return r.stdout

    def _learn_controls(self):
        out = self.kiosk("wait 500\ncontrols\ntap 0.5 0.5\nwait 500\ncontrols\n"
                         "press Français\nwait 500\ncontrols\n", "controls")
        self._parse_controls(out)
        for s, label in (("language", "Français"), ("home", "Faire le quiz final")):
            if label not in self.controls.get(s, {}):
                raise SystemExit(f"vm: the headless kiosk shows no « {label} » on {s}: {out[:500]}")

    def _parse_controls(self, out):
        screen = None
        w, h = self.size
        for line in out.splitlines():
            if line.startswith("screen "):
                screen = line.split()[1]
            m = re.match(r"control (\d+) (\d+) (\d+) (\d+) (.*)", line)
            if m and screen:
                x, y, cw, ch = map(int, m.groups()[:4])
                self.controls.setdefault(screen, {})[m.group(5)] = (
                    (x + cw / 2) / w, (y + ch / 2) / h)

    def learn_trainer(self, pin, pin_hash):
        """Where the PIN pad's keys and the trainer screen's controls are
        (its « Exporter » page included), with the settings the VM gets: the
        shipped ones plus a trainer PIN."""
        with open(os.path.join(self.root, "etc/kiosk/kiosk.yaml")) as f:
            shipped = f.read()
        config = os.path.join(self.root, "trainer.yaml")
        with open(config, "w") as f:
            f.write(shipped + f'\ntrainer_pin: "{pin_hash}"\n')
        presses = "".join(f"press {d}\n" for d in pin)
        out = self.kiosk("wait 500\nhold 0.05 0.05 3500\nwait 500\ncontrols\n" + presses +
                         "press OK\nwait 500\ncontrols\npress Exporter\nwait 300\ncontrols\n",
                         "trainer", config)
        self._parse_controls(out)
        for s, label in (("trainer-pin", "OK"), ("trainer", "Exporter tout")):
            if label not in self.controls.get(s, {}):
                raise SystemExit(f"vm: the headless kiosk shows no « {label} » on {s}: "
                                 f"{out[:500]}")

    def _learn_keys(self):
        """How many Tab presses on the home screen reach the final quiz."""
        for n in range(1, 20):
            script = "wait 500\nkey return\nwait 500\nkey return\nwait 500\n" + \
                "key tab\n" * n + "key return\nwait 500\n"
            if "screen quiz" in self.kiosk(script, "keys"):
                return n
        raise SystemExit("vm: no number of Tab presses reaches the final quiz headless")

    def at(self, screen, label):
        return self.controls[screen][label]
