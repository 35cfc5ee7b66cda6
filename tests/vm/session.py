"""A person at the VM's screen: waits for what it shows, touches, types.

Every wait has a generous limit that only catches a hang (the VM may run
under TCG on a loaded machine); the figures are the times measured."""

import os
import random
import time

import screen

POLL = 0.25


class Stuck(Exception):
    """The screen did not do what a person expects; .shot is the last dump."""

    def __init__(self, msg, shot=None):
        super().__init__(msg + (f" (screen: {shot})" if shot else ""))
        self.shot = shot


class Person:
    def __init__(self, machine, plan, outdir):
        self.m = machine
        self.plan = plan
        self.out = outdir
        self.n = 0
        self.results_seen = 0
        self.tap_ms = []  # tap -> picture changed (includes the dump interval)

    def dump(self):
        return screen.Image.ppm(self.m.screendump())

    def keep(self, img, name):
        """Saves IMG as OUTDIR/NAME.png and returns the path."""
        self.n += 1
        path = os.path.join(self.out, f"{name}.png")
        img.save_png(path)
        return path

    def wait(self, pred, timeout, what):
        """Dumps until PRED(img) holds; returns (img, seconds waited)."""
        t0 = time.monotonic()
        img = None
        while time.monotonic() - t0 < timeout:
            if not self.m.alive():
                raise Stuck(f"QEMU exited while waiting for {what}: {self.m.qemu_log()}")
            img = self.dump()
            if pred(img):
                return img, time.monotonic() - t0
            time.sleep(POLL)
        raise Stuck(f"no {what} within {timeout:.0f} s",
                    self.keep(img, f"stuck-{what.replace(' ', '-')}") if img else None)

    def wait_screen(self, kind, timeout):
        return self.wait(lambda i: screen.classify(i) == kind, timeout, kind)

    def settled(self, before, timeout, what, must=True, changed=None):
        """After an action: waits until the picture differs from BEFORE (or
        CHANGED(img) holds) and then holds still (a screen fully drawn).
        With MUST false, an unchanged picture after TIMEOUT is returned."""
        sig = before.rgb[::997]
        changed = changed or (lambda i: i.rgb[::997] != sig)
        try:
            img, dt = self.wait(changed, timeout, what)
        except Stuck:
            if must:
                raise
            return self.dump(), None
        return self.still(img), dt

    def still(self, img):
        """The same picture on three dumps in a row (the attract screen
        pulses: it is never still, and is taken as it is)."""
        n = 0
        while n < 2 and screen.classify(img) != "attract":
            time.sleep(POLL)
            again = self.dump()
            n = n + 1 if again.rgb[::997] == img.rgb[::997] else 0
            img = again
        return img

    def tap(self, fx, fy, before, what, timeout=60, changed=None):
        self.m.tap(fx, fy)
        img, dt = self.settled(before, timeout, what, changed=changed)
        self.tap_ms.append(dt * 1000)
        return img

    def tap_px(self, xy, before, what, timeout=60):
        return self.tap(xy[0] / before.w, xy[1] / before.h, before, what, timeout)

    # A whole session by touch

    def start_by_tap(self, attract, timeout=30):
        """The first touch on the attract screen opens the language screen."""
        img = self.tap(0.5, 0.5, attract, "language screen after a tap", timeout,
                       changed=lambda i: screen.classify(i) != "attract")
        if screen.classify(img) != "body":
            raise Stuck("a tap on the attract screen did not open the language screen",
                        self.keep(img, "tap-not-language"))
        return img

    def session_by_taps(self, img, stop_after=None):
        """From the language screen to the result and back to the attract
        screen. STOP_AFTER: stop after that many taps (a session left in
        the middle). Returns (taps, result_seen, last_img, result_pending):
        result_pending is True when the last tap may have led to a result
        not yet seen on the screen."""
        taps = 1  # the attract screen's
        steps = [("language", "Français", "home screen"),
                 ("home", "Faire le quiz final", "quiz screen")]
        for scr, label, what in steps:
            if stop_after is not None and taps >= stop_after:
                return taps, False, img, False
            img = self.tap(*self.plan.at(scr, label), img, what)
            taps += 1
        unknown_since = None
        for _ in range(60):
            if stop_after is not None and taps >= stop_after:
                return taps, False, img, False
            done = screen.result_button(img)
            if done:
                self.results_seen += 1
                img = self.tap_px(done, img, "attract screen after « Terminer »")
                taps += 1
                if screen.classify(img) != "attract":
                    img, _ = self.wait_screen("attract", 30)
                return taps, True, img, False
            state, where = screen.quiz_state(img)
            if state == "choose":
                img = self.tap_px(random.choice(where), img, "answer shown")
            elif state == "next":
                img = self.tap_px(where, img, "next question or result")
            else:
                # Drawn in the middle of a change (a slow guest): look again.
                if unknown_since is None:
                    unknown_since = time.monotonic()
                if time.monotonic() - unknown_since > 20:
                    raise Stuck("neither a question, an answer nor a result on the screen",
                                self.keep(img, "quiz-unknown"))
                time.sleep(1)
                img = self.dump()
                continue
            unknown_since = None
            taps += 1
        raise Stuck("no result after 60 taps in the quiz", self.keep(img, "quiz-endless"))

    # A whole session by keys

    def session_by_keys(self, attract):
        """Return on the attract and language screens, Tab to the final
        quiz, then Return on each question (the focus goes to the first
        choice, then to « Suivant ») until the result, Tab to « Terminer »
        if the focus is not on it (a failed quiz: « Refaire le quiz »
        first), Return to leave it."""
        keys = 0

        def press(k, before, what, changed=None):
            # A Return that only shows the focus ring changes little; one
            # that changes nothing is not an error by itself: the result
            # or the attract screen is what counts.
            nonlocal keys
            self.m.key(k)
            keys += 1
            return self.settled(before, 20, what, must=False, changed=changed)[0]

        img = press("ret", attract, "language screen after Return",
                    changed=lambda i: screen.classify(i) != "attract")
        if screen.classify(img) != "body":
            raise Stuck("Return on the attract screen did not open the language screen",
                        self.keep(img, "keys-not-language"))
        img = press("ret", img, "home screen after Return")
        for _ in range(self.plan.tabs_to_quiz):
            img = press("tab", img, "focus moved by Tab")
        img = press("ret", img, "quiz screen after Return")
        for _ in range(60):
            done = screen.result_button(img)
            if done:
                self.results_seen += 1
                # After a failed quiz the focus starts on « Refaire le
                # quiz » (the accent button), or, kept from the quiz's
                # « Suivant », on the header's first control: Tab round to
                # « Terminer » (the header has five controls).
                for _ in range(12):
                    if screen.focused_at(img, done):
                        break
                    img = press("tab", img, "focus moved to « Terminer »")
                    done = screen.result_button(img) or done
                img = press("ret", img, "attract screen after Return on the result")
                if screen.classify(img) != "attract":
                    img, _ = self.wait_screen("attract", 30)
                return keys, img
            img = press("ret", img, "the quiz moving on after Return")
        raise Stuck("no result after 60 keys in the quiz", self.keep(img, "keys-endless"))
