"""The checks of make vm-test, each printing its figures.

A check gets a VM at the attract screen with a root shell (Context.ready),
boots a new one when it must (Context.fresh), and says PASS or FAIL once.
"""

import os
import random
import statistics
import time
import traceback

import fleet
import screen
import session

# Limits that only catch a hang: a TCG guest on a loaded machine is slow
# (a boot took 253 s to the attract screen at load 12, over 420 s at 18,
# with a first start of the unit timed out at 90 s and restarted).
BOOT_LIMIT = 900
SHELL_LIMIT = 300
DB = "/var/lib/kiosk/kiosk.db"
# The kiosk may hold the write lock a moment (at its start, a session's
# end): the test's reader waits for it, as kiosk-export does, instead of
# failing « database is locked ».
SQL = f"sqlite3 -cmd '.timeout 30000' {DB}"


def fig(values, unit="s", fmt="{:.1f}"):
    if not values:
        return "none"
    v = sorted(values)
    return (f"median {fmt.format(statistics.median(v))} {unit}, "
            f"{fmt.format(v[0])}–{fmt.format(v[-1])} {unit}, n={len(v)}")


class Context:
    def __init__(self, new_machine, plan, out, boots=5, power_cuts=20):
        self.new_machine = new_machine
        self.plan = plan
        self.out = out
        self.boots = boots
        self.power_cuts = power_cuts
        self.m = None
        self.person = None
        self.fresh_boot = False  # nothing has touched the screen since power-on
        self.passed = self.failed = 0
        self.notes = {}
        self.boot_story = []
        self.keep_boot_shots = True  # the first boot's screens, as shots

    def say(self, ok, name, text):
        print(f"{'PASS' if ok else 'FAIL'} vm {name}: {text}", flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1

    def info(self, text):
        print(f"# {text}", flush=True)

    # Machines

    def power_on(self, m=None):
        """Powers M (or a new VM) on; returns seconds to the attract screen."""
        if m is None:
            if self.m:
                self.m.destroy()
            m = self.new_machine()
        self.m = m
        self.person = session.Person(m, self.plan, self.out)
        m.start()
        # What the screen shows from power-on to the attract screen: each
        # change kept (the first boot's as shots), for « never a console
        # or a cursor in front of a person ».
        self.boot_story = []

        def seen(img):
            k = screen.classify(img)
            if not self.boot_story or self.boot_story[-1][1] != k:
                self.boot_story.append((m.since_power(), k))
                if self.keep_boot_shots:
                    self.person.keep(img, f"boot-{len(self.boot_story)}-{k}")
            return k == "attract"

        self.person.wait(seen, BOOT_LIMIT, "attract")
        self.keep_boot_shots = False
        t = m.since_power()
        m.wait_shell(SHELL_LIMIT)
        self.fresh_boot = True
        return t

    def ready(self):
        """A VM at the attract screen with a shell."""
        if self.m is None or not self.m.alive():
            self.power_on()
        return self.m

    def finish(self):
        if self.m:
            self.m.destroy()
            self.m = None

    def sh(self, cmd, timeout=120):
        return self.m.sh(cmd, timeout=timeout)

    # What the journal says about this boot

    def boot_facts(self):
        f = {}
        # The attract screen can be on the output before the kiosk hears
        # that its frame was shown (READY, "first frame shown"): wait for it.
        self.sh("for i in $(seq 300); do systemctl is-active -q kiosk.service && break; "
                "sleep 1; done", timeout=330)
        out = self.sh("systemctl show kiosk.service -p ExecMainStartTimestampMonotonic "
                      "-p ActiveEnterTimestampMonotonic -p NRestarts -p ActiveState")
        for line in out.splitlines():
            k, _, v = line.partition("=")
            f[k] = v
        start = int(f.get("ExecMainStartTimestampMonotonic") or 0) / 1e6
        ready = int(f.get("ActiveEnterTimestampMonotonic") or 0) / 1e6
        f["cage_start_s"] = start
        f["ready_after_cage_s"] = ready - start if ready and start else None
        first = self.sh("journalctl -b -u kiosk.service -o cat --no-pager | "
                        "sed -n 's/.*first frame shown \\([0-9]*\\) ms.*/\\1/p' | head -1")
        f["first_frame_s"] = int(first) / 1000 if first.strip().isdigit() else None
        f["analyze"] = self.sh("systemd-analyze time 2>&1 | head -1 || true")
        return f


def run(ctx, name):
    fn = CHECKS[name]
    try:
        fn(ctx)
    except Exception as e:  # one check's failure must not hide the others
        ctx.say(False, name, f"{type(e).__name__}: {e}")
        if os.environ.get("VM_DEBUG"):
            traceback.print_exc()
        if ctx.m:
            try:
                shot = ctx.person.keep(ctx.person.dump(), f"fail-{name}")
                ctx.info(f"screen at the failure: {shot}")
                ctx.m.wait_shell(30)
                ctx.info("the unit's journal at the failure:\n" + ctx.sh(
                    "systemctl is-active kiosk.service; journalctl -b -u kiosk.service "
                    "-o short-monotonic --no-pager | tail -15", timeout=30))
            except Exception:
                pass
            ctx.m.destroy()
            ctx.m = None


def check_boot(ctx):
    """Cold boots to the attract screen: the first boot of the installed
    system, then BOOTS power-offs and power-ons."""
    times, ready, first, starts, stories = [], [], [], [], []

    def facts(i, t):
        f = ctx.boot_facts()
        times.append(t)
        if f["ready_after_cage_s"] is not None:
            ready.append(f["ready_after_cage_s"])
        if f["first_frame_s"] is not None:
            first.append(f["first_frame_s"])
        starts.append(f["cage_start_s"])
        stories.append(ctx.boot_story)
        ctx.info("boot %d: the screen: %s" % (i + 1, ", ".join(
            f"{k} from {s:.0f} s" for s, k in ctx.boot_story)))
        ctx.info(f"boot {i + 1}: attract {t:.1f} s after power-on, cage started "
                 f"{f['cage_start_s']:.1f} s after the kernel, READY "
                 f"{f['ready_after_cage_s']} s after cage, kiosk's first frame "
                 f"{f['first_frame_s']} s, {f['NRestarts']} restarts; {f['analyze']}")

    # The first boot of the installed system, then power-off and power-on.
    t = ctx.power_on()
    facts(0, t)
    chain = ctx.sh("systemd-analyze critical-chain kiosk.service --no-pager 2>&1 | tail -n +3")
    with open(os.path.join(ctx.out, "critical-chain.txt"), "w") as fh:
        fh.write(chain + "\n")
    ctx.info("critical chain (first boot):\n" + chain)
    waits = [u for u in ("network.target", "networking.service", "systemd-user-sessions")
             if u in chain]
    ctx.person.keep(ctx.person.dump(), "boot-attract")
    for i in range(1, ctx.boots):
        ctx.m.shell.sock.sendall(b"systemctl poweroff\n")
        end = time.monotonic() + 180
        while ctx.m.alive() and time.monotonic() < end:
            time.sleep(0.5)
        if ctx.m.alive():
            raise RuntimeError("the VM did not power off within 180 s")
        ctx.m.power_cut()  # sockets closed; the disk is kept
        facts(i, ctx.power_on(ctx.m))
    # A later boot's chain (AppArmor's profiles are cached after the first).
    with open(os.path.join(ctx.out, "critical-chain-last.txt"), "w") as fh:
        fh.write(ctx.sh("systemd-analyze critical-chain kiosk.service --no-pager 2>&1 "
                        "| tail -n +3") + "\n" +
                 ctx.sh("systemd-analyze blame --no-pager 2>&1 | head -12") + "\n")
    # The firmware's text (SeaBIOS here, the PC's own on a box) comes before
    # the kernel: a console at the very start is not the kiosk's; one after
    # the first black screen is.
    late_console = [i + 1 for i, st in enumerate(stories)
                    if any(k == "console" and j > 0 and any(kk == "black" for _, kk in st[:j])
                           for j, (_, k) in enumerate(st))]
    ok = len(times) == ctx.boots and not waits and not late_console
    ctx.say(ok, "boot", f"{len(times)}/{ctx.boots} boots reach the attract screen (the "
            f"first boot, then power-off/power-on): power-on → attract {fig(times)}; "
            f"kernel → cage {fig(starts)}; cage → READY {fig(ready)}; kiosk's first frame "
            f"{fig(first)} after its start; critical chain "
            + (f"waits for {', '.join(waits)}" if waits else "waits for no network")
            + (f"; a console after the firmware in boots {late_console}" if late_console
               else "; no console after the firmware's text"))


def check_taps(ctx):
    """A whole session by touch, starting with the first touch after boot."""
    if not ctx.fresh_boot:
        ctx.power_on()
    m = ctx.m
    p = ctx.person
    img, _ = p.wait_screen("attract", 60)
    time.sleep(3)  # a person walks up: the screen has been still for a while
    img = p.dump()
    before = p.results_seen
    try:
        img = p.start_by_tap(img, timeout=20)
        first = "registered"
    except session.Stuck:
        first = "LOST"
        p.keep(p.dump(), "first-tap-lost")
        img = p.start_by_tap(p.dump(), timeout=60)
    ctx.info(f"first tap after boot: {first}")
    # What the kiosk logged around it (with --env SDL_EVENT_LOGGING=1: the
    # events SDL delivered), kept beside the screenshots.
    with open(os.path.join(ctx.out, "first-tap-journal.txt"), "w") as fh:
        fh.write(ctx.sh("journalctl -b -u kiosk.service -o short-monotonic --no-pager "
                        "| tail -80") + "\n")
    ctx.fresh_boot = False
    first_ms = p.tap_ms[-1]
    n0 = int(ctx.sh(f"{SQL} 'select count(*) from session'"))
    taps, seen, img, _ = p.session_by_taps(img)
    n1 = int(ctx.sh(f"{SQL} 'select count(*) from session'"))
    ok = first == "registered" and seen and n1 == n0 + 1 and p.results_seen == before + 1
    ctx.say(ok, "taps", f"first tap after boot {first} (picture changed {first_ms:.0f} ms "
            f"after it); a session of {taps} taps reached the result and the attract "
            f"screen; sessions stored {n0} → {n1}; tap → picture changed "
            f"{fig(p.tap_ms, 'ms', '{:.0f}')}")
    m.sh("true")


def check_keys(ctx):
    m = ctx.ready()
    p = ctx.person
    img, _ = p.wait_screen("attract", 60)
    ctx.fresh_boot = False
    n0 = int(ctx.sh(f"{SQL} 'select count(*) from session'"))
    keys, img = p.session_by_keys(img)
    n1 = int(ctx.sh(f"{SQL} 'select count(*) from session'"))
    ok = screen.classify(img) == "attract" and n1 == n0 + 1
    ctx.say(ok, "keys", f"a session by keys alone ({keys} keys: Return, {ctx.plan.tabs_to_quiz} "
            f"Tab to the final quiz, Return on each question) reached the result and the "
            f"attract screen; sessions stored {n0} → {n1}")
    m.sh("true")


def picture_back(ctx, action, limit=300):
    """Runs ACTION (a shell command) and times the attract screen's return:
    first something else on the screen, then the attract screen again."""
    p = ctx.person
    t0 = time.monotonic()
    ctx.sh(action)
    story = []

    def look(i):
        k = screen.classify(i)
        if not story or story[-1][1] != k:
            story.append((time.monotonic() - t0, k))
        return k

    p.wait(lambda i: look(i) != "attract", limit, "the attract screen gone")
    p.wait(lambda i: look(i) == "attract", limit, "attract")
    return time.monotonic() - t0, ", ".join(f"{k} from {t:.1f} s" for t, k in story[:-1])


def check_kill(ctx):
    ctx.ready()
    ctx.fresh_boot = False
    ctx.sh("for i in $(seq 600); do systemctl is-active -q kiosk.service && break; sleep 1; done",
           timeout=630)
    unit, seen_u = picture_back(ctx, "systemctl kill -s KILL kiosk.service")
    ctx.sh("for i in $(seq 60); do systemctl is-active -q kiosk && break; sleep 1; done")
    # The guard's standby page is made ready 60 s after the kiosk's start:
    # the kiosk alone is killed once it is (or after 240 s without it).
    # Without cage there is none (one program at a time holds the card).
    direct = ctx.sh("journalctl -b -u kiosk.service -o cat --no-pager | "
                    "grep -c 'running the kiosk without cage' || true").strip() != "0"
    standby = None if direct else ctx.m.run(
        "(end=$(($(date +%s) + 240)); while [ $(date +%s) -lt $end ]; do "
        "for p in $(pgrep -x kiosk-page); do grep -aq -- --standby /proc/$p/cmdline "
        "&& exit 0; done; sleep 1; done; exit 1)", timeout=300)[0] == 0
    time.sleep(3)  # drawn, hidden
    alone, seen_k = picture_back(ctx, "pkill -KILL -x kiosk")
    ctx.sh("for i in $(seq 60); do systemctl is-active -q kiosk && break; sleep 1; done")
    # Never a console (text, a cursor) in front of a person, even between
    # two cages (issue 23 item 4).
    console = "console" in seen_u or "console" in seen_k
    ctx.say(not console, "kill", f"SIGKILL of the unit: attract screen back in {unit:.1f} s "
            f"(meanwhile: {seen_u}); of the kiosk alone ({'without cage: no standby page' if direct else 'standby page ready' if standby else 'NO standby page within 240 s'}): "
            f"back in {alone:.1f} s (meanwhile: {seen_k})"
            + ("; a CONSOLE was shown" if console else ""))


def unit_failed(ctx, p, t0, look):
    """kiosk.service failed, as at the end of a crash loop of cage or of the
    watchdog's kills (the start limit): nothing of it runs, and
    kiosk-out-of-order.service (its OnFailure=) must put the page on the
    screen until kiosk-retry brings the kiosk back. The unit is made to fail
    by one SIGKILL with a Restart=no drop-in in /run: 20 starts take over
    10 minutes under TCG. Returns the figures, and what is wrong."""
    drop = "/run/systemd/system/kiosk.service.d"
    ctx.sh(f"mkdir -p {drop} && printf '[Service]\\nRestart=no\\n' >{drop}/test-no-restart.conf "
           "&& systemctl daemon-reload")
    t1 = time.monotonic() - t0
    ctx.sh("systemctl kill -s KILL kiosk.service")
    bad = []
    page = None
    end = time.monotonic() + 420
    while time.monotonic() < end:
        if look() == "out-of-order":
            page = time.monotonic() - t0 - t1
            break
        time.sleep(0.5)
    states = ctx.sh("systemctl is-active kiosk.service kiosk-out-of-order.service "
                    "kiosk-retry.timer | tr '\n' ' '").strip()
    if page is None:
        bad.append("no out-of-order page within 420 s of the unit's failure")
    with open(os.path.join(ctx.out, "crash-loop-page-unit.txt"), "w") as fh:
        fh.write(ctx.sh("systemctl status --no-pager kiosk-out-of-order.service; journalctl -b "
                        "-u kiosk-out-of-order.service -u kiosk.service -o short-monotonic "
                        "--no-pager | tail -80", timeout=60) + "\n")
    if states.split()[:3] != ["failed", "active", "active"]:
        bad.append(f"kiosk, kiosk-out-of-order, kiosk-retry.timer: {states}")
    # The page stays while the unit is down (20 s looked at).
    hold = time.monotonic() + 20
    while time.monotonic() < hold:
        look()
        time.sleep(1)
    # What kiosk-retry.timer fires 10 minutes later, now.
    ctx.sh(f"rm -f {drop}/test-no-restart.conf && systemctl daemon-reload")
    t2 = time.monotonic()
    ctx.sh("systemctl start kiosk-retry.service")
    back = None
    end = time.monotonic() + 600
    while time.monotonic() < end:
        if look() == "attract":
            back = time.monotonic() - t2
            break
        time.sleep(0.5)
    ctx.sh("systemctl stop kiosk-retry.timer")
    after = ctx.sh("systemctl is-active kiosk.service kiosk-out-of-order.service "
                   "| tr '\n' ' '").strip()
    if back is None:
        bad.append("the attract screen not back within 600 s of kiosk-retry")
    if after.split()[:2] != ["active", "inactive"]:
        bad.append(f"after the retry kiosk, kiosk-out-of-order: {after}")
    aborts = ctx.sh("journalctl -b -o cat --no-pager | grep -c 'wl_display_terminate: Assertion' "
                    "|| true")
    if int(aborts or 0):
        bad.append(f"cage aborted {aborts} times (wl_display_terminate)")
    fig_ = (f"the unit failed at {t1:.0f} s: the out-of-order page "
            + (f"{page:.1f} s later" if page is not None else "NEVER")
            + f" ({states}); kiosk-retry → attract screen "
            + (f"{back:.1f} s" if back is not None else "NEVER") + f" ({after})")
    return fig_, bad


def check_stop(ctx):
    ctx.ready()
    ctx.fresh_boot = False
    p = ctx.person
    # Up (READY sent, the watchdog armed), not still starting: a start that
    # times out restarts the unit without the watchdog.
    ctx.sh("for i in $(seq 600); do systemctl is-active -q kiosk.service && break; sleep 1; done",
           timeout=630)
    inv = ctx.sh("systemctl show -p InvocationID --value kiosk.service")
    t0 = time.monotonic()
    ctx.sh("pkill -STOP -x kiosk")
    # A frozen kiosk still shows its last frame: wait for the restart.
    end = time.monotonic() + 180
    while time.monotonic() < end:
        now = ctx.sh("systemctl show -p InvocationID --value kiosk.service")
        if now != inv and now:
            break
        time.sleep(1)
    killed = time.monotonic() - t0
    _, _ = p.wait(lambda i: screen.classify(i) != "attract", 120, "the frozen picture gone")
    _, _ = p.wait_screen("attract", 300)
    back = time.monotonic() - t0
    wd = ctx.sh("journalctl -b -u kiosk.service -o cat --no-pager | grep -c 'Watchdog timeout' "
                "|| true")
    ok = int(wd or 0) >= 1
    ctx.say(ok, "stop", f"SIGSTOP of the kiosk: the watchdog killed it (journal: {wd} watchdog "
            f"timeout) and a new start began {killed:.0f} s after the stop; attract screen "
            f"back at {back:.0f} s")


def db_counts(ctx):
    out = ctx.sh(f"{SQL} 'pragma integrity_check' "
                 f"'select count(*), count(distinct id), coalesce(sum(ended = 0), 0) "
                 f"from session'")
    lines = out.splitlines()
    n, distinct, finished = (int(v) for v in lines[-1].split("|"))
    return lines[0], n, distinct, finished


def check_power_cuts(ctx, cuts=None):
    """Power cuts at random moments of random sessions. Every session whose
    result the screen showed must be in the database after the next boot,
    once; the database must pass integrity_check."""
    cuts = cuts or ctx.power_cuts
    rng = random.Random(os.environ.get("VM_SEED") or time.time())
    ctx.ready()
    p = ctx.person
    integrity, n, distinct, finished = db_counts(ctx)
    seen = finished  # results already stored before this check
    bad = []
    boots = []
    where = []
    segfaults = 0
    for i in range(cuts):
        img, _ = p.wait_screen("attract", 120)
        ctx.fresh_boot = False
        full = rng.randint(0, 1)
        for _ in range(full):
            img = p.start_by_tap(img)
            _, ok, img, _ = p.session_by_taps(img)
            seen += 1
        stop_after = rng.choice([None, rng.randint(1, 12)])
        img = p.start_by_tap(img)
        taps, ok, img, _ = p.session_by_taps(img, stop_after=stop_after)
        seen += 1 if ok else 0
        delay = rng.uniform(0, 2.5)
        time.sleep(delay)
        where.append(f"{'after the result' if ok else f'after {taps} taps'}+{delay:.1f}s")
        ctx.m.power_cut()
        t = ctx.power_on(ctx.m)
        boots.append(t)
        integrity, n, distinct, finished = db_counts(ctx)
        # Crashes in this boot (a process's segfault, cage's fallback to
        # pixman): the emulator's, or not, they are counted.
        crashes = ctx.sh("journalctl -b -k -o cat --no-pager | grep -c ' segfault at ' || true")
        crashes = int(crashes) if crashes.strip().isdigit() else 0
        segfaults += crashes
        ctx.info(f"power cut {i + 1} ({where[-1]}): back at the attract screen {t:.0f} s after "
                 f"power-on; integrity_check {integrity}, {n} rows, {distinct} distinct, "
                 f"{finished} finished for {seen} results shown; {crashes} segfaults this boot")
        if integrity != "ok" or n != distinct or finished != seen:
            bad.append(f"cut {i + 1} ({where[-1]}): integrity {integrity}, {n} rows, "
                       f"{distinct} distinct, {finished} finished for {seen} results shown")
            seen = finished
    ctx.say(not bad, "power-cuts" if cuts > 1 else "power-cut",
            f"{cuts} power cuts ({'; '.join(where[:6])}{'…' if len(where) > 6 else ''}): "
            f"integrity_check ok and every result shown stored once in "
            f"{cuts - len(bad)}/{cuts}; boot after a cut → attract {fig(boots)}; "
            f"{segfaults} segfaults in those boots"
            + (f"; {'; '.join(bad)}" if bad else ""))


def check_power_cut(ctx):
    check_power_cuts(ctx, cuts=1)


def check_reboots(ctx):
    ctx.ready()
    ctx.fresh_boot = False
    p = ctx.person
    times = []
    downs = []
    for i in range(3):
        # The guest's clock at the command: the previous boot's journal then
        # says how long the shutdown took (its last line).
        up = float(ctx.sh("cut -d' ' -f1 /proc/uptime"))
        t0 = time.monotonic()
        ctx.m.shell.sock.sendall(b"systemctl reboot\n")
        story = []

        def seen(im, i=i, t0=t0, story=story):
            k = screen.classify(im)
            if not story or story[-1][1] != k:
                story.append((time.monotonic() - t0, k))
                p.keep(im, f"reboot-{i + 1}-{len(story)}-{k}")
            return k == "attract" and len(story) > 1

        p.wait(lambda im: screen.classify(im) != "attract", 120, "the attract screen gone")
        try:
            p.wait(seen, BOOT_LIMIT, "attract")
        finally:
            ctx.info(f"reboot {i + 1}: the screen: " +
                     ", ".join(f"{k} from {s:.0f} s" for s, k in story))
        times.append(time.monotonic() - t0)
        ctx.m.shell.close()
        ctx.m.wait_shell(SHELL_LIMIT)
        last = ctx.sh("journalctl -b -1 -o short-monotonic --no-pager | tail -1 | "
                      "sed 's/^\\[ *\\([0-9.]*\\)\\].*/\\1/'")
        try:
            downs.append(float(last) - up)
        except ValueError:
            pass
        kiosk_stop = ctx.sh("journalctl -b -1 -u kiosk.service -o short-monotonic --no-pager "
                            "| grep -E 'Stopped|Deactivated|kiosk-guard' | tail -3 | tr '\\n' ' '")
        ctx.info(f"reboot {i + 1}: attract again {times[-1]:.1f} s after the command; the "
                 f"previous boot's journal ends {downs[-1] if downs else '?'} s after it; "
                 f"this boot: {ctx.sh('systemd-analyze time 2>&1 | head -1 || true')}; "
                 f"kiosk.service's end: {kiosk_stop}")
        # What the shutdown waited for, and the new boot's times
        # (docs/vm-test.md, « Why a reboot takes longer »).
        with open(os.path.join(ctx.out, f"reboot-{i + 1}-journal.txt"), "w") as fh:
            fh.write(ctx.sh("journalctl -b -1 -o short-monotonic --no-pager | "
                            "awk '/systemctl reboot|Stopping kiosk|reboot.target/ {s=1} s' | "
                            "tail -400", timeout=120) + "\n--- this boot\n" +
                     ctx.sh("systemd-analyze time; systemd-analyze blame --no-pager | "
                            "head -15; systemd-analyze critical-chain kiosk.service "
                            "--no-pager", timeout=120) + "\n")
    ctx.say(len(times) == 3, "reboots", f"3 reboots back to the attract screen: {fig(times)}; "
            f"the shutdown (command → the old boot's last journal line): {fig(downs)}")


def check_crash_loop(ctx):
    """A kiosk that keeps crashing: killed each time it runs, KILLS times.
    kiosk-guard must show the out-of-order page from the first crash, never
    a black screen or a console, and the kiosk must come back by itself
    once it stops crashing (the guard's next retry: 5, 10, 20, 40 s...).
    Then the unit itself fails (unit_failed): the page from its own unit."""
    ctx.ready()
    ctx.fresh_boot = False
    p = ctx.person
    kills = 4
    t0 = time.monotonic()
    timeline = []  # (seconds, what the screen shows), on each change
    seen = {}

    def look():
        img = p.dump()
        k = screen.classify(img)
        seen[k] = seen.get(k, 0) + 1
        if not timeline or timeline[-1][1] != k:
            timeline.append((time.monotonic() - t0, k))
            if k != "attract":  # the very picture classified (a console can be brief)
                p.keep(img, f"crash-loop-{len(timeline)}-{k}")
        return k

    killed_at = []
    while len(killed_at) < kills and time.monotonic() - t0 < 900:
        # The kiosk itself, not the page (kiosk-page) nor cage.
        if ctx.m.run("pkill -KILL -x kiosk")[0] == 0:
            killed_at.append(time.monotonic() - t0)
        for _ in range(3):
            look()
            time.sleep(0.3)
        # Wait until the guard starts the kiosk again (or the page is up).
        end = time.monotonic() + 240
        while time.monotonic() < end and \
                ctx.m.run("pgrep -x kiosk >/dev/null")[0] != 0:
            look()
            time.sleep(1)
        time.sleep(1)
    # No more kills: the kiosk must come back.
    back = None
    while time.monotonic() - t0 < killed_at[-1] + 600:
        if look() == "attract":
            back = time.monotonic() - t0
            break
        time.sleep(1)
    guard = ctx.sh("journalctl -b -u kiosk.service -o cat --no-pager | "
                   "grep -c 'kiosk-guard: the kiosk stopped' || true")
    state = ctx.sh("systemctl show kiosk.service -p NRestarts -p ActiveState --value "
                   "| tr '\n' ' '")
    failed, failed_bad = unit_failed(ctx, p, t0, look) if back is not None else ("", [])
    story = ", ".join(f"{k} at {t:.0f} s" for t, k in timeline)
    # Between the kiosk's end and the page's first frame cage has nothing
    # to show: how long that black lasts is the figure (the page starts as
    # a new process; under TCG that takes seconds).
    blacks = [timeline[i + 1][0] - t for i, (t, k) in enumerate(timeline[:-1]) if k == "black"]
    bad = [k for k in seen if k == "console"]
    page = "out-of-order" in seen
    ok = (back is not None and not bad and page and len(killed_at) == kills
          and not failed_bad)
    ctx.say(ok, "crash-loop", f"{len(killed_at)} kills of the kiosk at "
            f"{', '.join('%.0f' % t for t in killed_at)} s; the guard logged {guard} "
            f"failures; unit {state.strip()} (NRestarts, state); "
            f"attract back {'%.0f s after the last kill' % (back - killed_at[-1]) if back else 'never within 10 min'}; "
            f"{failed or 'the unit not made to fail'}; the screen: {story}"
            + f"; black between a kiosk's end and a page: {fig(blacks)}"
            + (f"; BAD: {bad} seen" if bad else "")
            + ("" if page else "; the out-of-order page was never seen")
            + (f"; {'; '.join(failed_bad)}" if failed_bad else ""))


def check_input_hotplug(ctx):
    """A touchscreen (a second USB tablet) plugged in while the kiosk runs,
    as one that shows up late on USB at boot: cage must open it."""
    ctx.ready()
    ctx.fresh_boot = False
    m = ctx.m
    nodes = "ls /sys/class/input | grep '^event' | sort"
    before = set(ctx.sh(nodes).split())
    m.qmp.cmd("device_add", driver="usb-tablet", bus="xhci.0", id="tablet2")
    t0 = time.monotonic()
    new, opened = None, None
    while time.monotonic() - t0 < 120:
        added = set(ctx.sh(nodes).split()) - before
        if added and new is None:
            new = sorted(added)[0]
        if new and ctx.m.run(f"ls -l /proc/$(pgrep -o -x cage)/fd | grep -q '/dev/input/{new}$'")[0] == 0:
            opened = time.monotonic() - t0
            break
        time.sleep(2)
    ctx.say(opened is not None, "input-hotplug",
            f"a USB tablet plugged in while the kiosk runs: {new or 'no event node'}; cage opened "
            f"it {'%.0f s after the plug' % opened if opened is not None else 'NOT within 120 s'}")


# KDGKBMODE of tty1 (K_OFF is 4): Perl, as the image has no kbd tools.
KBMODE = ("perl -e 'open(T, q(<), q(/dev/tty1)) or die; $m = pack(q(l), 0); "
          "ioctl(T, 0x4B44, $m) or die; print unpack(q(l), $m)'")


def check_console_keys(ctx):
    """A keyboard on the kiosk: Ctrl+Alt+F2, F3 and F6 must not switch to
    another console (a login prompt, visible or not), and keys must reach
    no text console: tty1 stays the active one with its keyboard off
    (K_OFF), under cage (seatd) as without it (the kiosk's own seat); the
    kiosk still takes the keys."""
    ctx.ready()
    ctx.fresh_boot = False
    m, p = ctx.m, ctx.person
    img, _ = p.wait_screen("attract", 60)
    gettys = ("systemctl list-units 'getty@tty*' --no-legend --plain | awk '{print $1}' "
              "| tr '\n' ' '")
    before = ctx.sh(gettys).strip()
    for f in ("f2", "f3", "f6"):
        m.qmp.cmd("send-key", keys=[{"type": "qcode", "data": "ctrl"},
                                    {"type": "qcode", "data": "alt"},
                                    {"type": "qcode", "data": f}])
        time.sleep(1)
    time.sleep(3)
    active = ctx.sh("cat /sys/class/tty/tty0/active").strip()
    after = ctx.sh(gettys).strip()
    mode = ctx.sh(KBMODE).strip()
    shown = screen.classify(p.dump())
    m.key("ret")
    img, _ = p.settled(img, 30, "language screen after Return", must=False,
                       changed=lambda i: screen.classify(i) != "attract")
    took = screen.classify(img) == "body"
    how = ctx.sh("journalctl -b -u kiosk.service -o cat --no-pager | "
                 "grep -o 'running the kiosk without cage[a-z ]*' | tail -1 || true").strip()
    ok = active == "tty1" and mode == "4" and after == before and shown == "attract" and took
    ctx.say(ok, "console-keys",
            f"{'without cage, on the framebuffer' if 'framebuffer' in how else 'without cage (kmsdrm)' if how else 'under cage'}: after Ctrl+Alt+F2, "
            f"F3, F6 the active console is {active}, tty1's keyboard mode {mode} (4 = K_OFF), "
            f"gettys {before or 'none'} → {after or 'none'}, the screen showed {shown}; Return "
            f"then {'opened the language screen' if took else 'did NOT reach the kiosk'}")
    # Back to the attract screen for the next check.
    p.wait_screen("attract", 300)


def check_framebuffer(ctx):
    """--display ramfb under UEFI: no DRM device, only the firmware's
    framebuffer (efifb), as on a box whose GPU this kernel has no driver
    for. cage cannot start; the kiosk runs without it, drawn offscreen and
    copied to /dev/fb0, its input read by libinput. This check: the boot
    to the attract screen and the journal's account of it; the other
    checks (taps, keys, console-keys, kill) then run on it as on any
    display."""
    t = ctx.power_on() if not ctx.fresh_boot else None
    journal = ctx.sh("journalctl -b -o cat --no-pager -t kiosk | grep -E "
                     "'only the framebuffer|fbdev:|fbinput: input device' | head -6")
    devices = ctx.sh("ls /dev/dri 2>/dev/null | tr '\\n' ' '; cat /proc/fb").strip()
    story = ", ".join(f"{k} at {s:.0f} s" for s, k in ctx.boot_story)
    ok = "fbdev: drawing on /dev/fb0" in journal and "running the kiosk without cage on " \
        "the framebuffer" in journal and "card" not in devices and \
        not any(k == "console" for s, k in ctx.boot_story if s > 20)
    ctx.say(ok, "framebuffer",
            f"devices: {devices or 'none'}; power-on → attract {t or 0:.1f} s ({story}); "
            f"journal: " + " | ".join(journal.splitlines()))


# Stands in for cage in kiosk.service (KIOSK_CAGE): the GLES start crashes
# (SIGSEGV) once the kiosk is drawn, as Debian 12's cage did in
# kms_swrast_dri.so on GL-less displays; a start with pixman is cage itself.
CRASHING_CAGE = """#!/bin/sh
[ "${WLR_RENDERER:-}" = pixman ] && exec cage "$@"
cage "$@" &
c=$!
sleep 30  # the kiosk drawn (its first frame takes 5-10 s under TCG)
kill -SEGV $c
wait $c
"""


def check_renderer_fallback(ctx):
    """cage crashing with GLES after the kiosk was drawn: kiosk-cage starts
    it again with pixman, the kiosk is back, its FIRST tap counts (the 7th
    boot of a power-cut run lost it right after this fallback), and the
    choice survives a power cut one second after cage runs with pixman (no
    GLES crash at the next boot)."""
    ctx.ready()
    ctx.fresh_boot = False
    m, p = ctx.m, ctx.person
    state = "/var/cache/kiosk/renderer"
    ctx.sh(f"rm -f {state}; cat > /usr/local/sbin/cage-crashing <<'EOF'\n{CRASHING_CAGE}EOF\n"
           "chmod 755 /usr/local/sbin/cage-crashing; "
           "echo KIOSK_CAGE=/usr/local/sbin/cage-crashing >> /etc/default/kiosk; sync")
    since = ctx.sh("date '+%Y-%m-%d %H:%M:%S'").strip()
    t0 = time.monotonic()
    ctx.sh("systemctl restart --no-block kiosk.service")
    # The fallback: kiosk-cage's line, then the kiosk's first frame again.
    back = None
    while time.monotonic() - t0 < 600:
        n = ctx.sh(f"journalctl -u kiosk.service -o cat --no-pager --since='{since}' | "
                   "sed -n '/starting it again with pixman/,$p' | grep -c 'first frame shown' || true")
        if n.strip().isdigit() and int(n) >= 1:
            back = time.monotonic() - t0
            break
        time.sleep(2)
    if back is None:
        raise RuntimeError("no pixman start with a first frame within 600 s of the restart")
    kept = ctx.sh(f"cat {state} 2>/dev/null | tr '\n' ' '").strip()
    # The crashed cage's client must not live on beside the new one's (an
    # orphan's parent is PID 1): one kiosk on the screen.
    orphan_list = ctx.sh("ps -eo ppid=,pid=,comm=,args= | "
                         "awk '$1 == 1 && $3 ~ /^(kiosk-guard|kiosk|kiosk-page|sleep)$/' "
                         "|| true").strip()
    orphans = str(len(orphan_list.splitlines()))
    kiosks = ctx.sh("pgrep -cx kiosk || true").strip()
    img, _ = p.wait_screen("attract", 120)
    time.sleep(3)  # a person walks up
    try:
        p.start_by_tap(p.dump(), timeout=20)
        first = "registered"
    except session.Stuck:
        first = "LOST"
        p.keep(p.dump(), "fallback-first-tap-lost")
        with open(os.path.join(ctx.out, "fallback-journal.txt"), "w") as fh:
            fh.write(ctx.sh("journalctl -b -u kiosk.service -o short-monotonic --no-pager "
                            "| tail -120") + "\n")
    # The choice must be on the disk once it is acted on: crash again from
    # a clean cache, and pull the plug one second after cage runs with
    # pixman (kiosk-cage writes and syncs the choice before that start).
    since = ctx.sh("date '+%Y-%m-%d %H:%M:%S'").strip()
    ctx.sh(f"rm -f {state}; sync; systemctl restart --no-block kiosk.service")
    t1 = time.monotonic()
    # This start's crash logged, then its pixman cage (not the one before
    # the restart, which runs with pixman too until the stop reaches it).
    pixman = (f"journalctl -u kiosk.service -o cat --no-pager --since='{since}' | "
              "grep -q 'cage crashed (signal 11)' && "
              "(for c in $(pgrep -x cage); do "
              "grep -qz '^WLR_RENDERER=pixman$' /proc/$c/environ && exit 0; done; exit 1)")
    while m.run(pixman)[0] != 0:
        if time.monotonic() - t1 > 600:
            raise RuntimeError("no cage with pixman within 600 s of the second crashing start")
        time.sleep(0.5)
    time.sleep(1)
    m.power_cut()
    ctx.power_on(m)
    again = ctx.sh("journalctl -b -u kiosk.service -o cat --no-pager | "
                   "grep -c 'renderer pixman: GLES crashed cage on this display before' || true")
    crashed = ctx.sh("journalctl -b -u kiosk.service -o cat --no-pager | "
                     "grep -c 'cage crashed' || true")
    ctx.sh("sed -i '/^KIOSK_CAGE=/d' /etc/default/kiosk; rm -f /usr/local/sbin/cage-crashing; sync")
    ok = first == "registered" and kept.startswith("display ") and again.strip() == "1" \
        and crashed.strip() == "0" and orphans == "0" and kiosks == "1"
    ctx.say(ok, "renderer-fallback",
            f"cage killed by SIGSEGV under GLES after the kiosk's first frame: the kiosk back "
            f"with pixman {back:.0f} s after the restart, {kiosks} kiosk running, {orphans} orphaned "
            f"process of the crashed cage's client{' (' + orphan_list[:300] + ')' if orphan_list else ''}"
            f"; first tap after it {first}; "
            f"choice kept ({kept or 'NOTHING in ' + state}); after a power cut 1 s after cage ran with pixman, the "
            f"next boot went {'straight to pixman' if again.strip() == '1' else 'to GLES again'}"
            f" ({crashed.strip()} crash)")


CHECKS = {
    "input-hotplug": check_input_hotplug,
    **fleet.CHECKS,
    "boot": check_boot,
    "taps": check_taps,
    "keys": check_keys,
    "kill": check_kill,
    "stop": check_stop,
    "power-cut": check_power_cut,
    "power-cuts": check_power_cuts,
    "reboots": check_reboots,
    "crash-loop": check_crash_loop,
    "renderer-fallback": check_renderer_fallback,
    "console-keys": check_console_keys,
    "framebuffer": check_framebuffer,
}
