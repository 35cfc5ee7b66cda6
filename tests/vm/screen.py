"""What the VM's screen shows, from a QMP screendump (PPM).

The kiosk draws flat colours (kiosk/screens/ui.h), and cage's output reaches
the dump pixel for pixel, so screens and buttons are told apart by their
colours: no reference image, no OCR. Sampled every STEP pixels: a dump is
read in well under a second.
"""

import struct
import zlib

STEP = 4

# kiosk/screens/ui.h
PRIMARY = (0x1D, 0x35, 0x57)  # attract, out-of-order and header background
BG = (0xF6, 0xF4, 0xEF)  # the body of every other screen
CARD = (0xFE, 0xFE, 0xFE)  # choices, cards
ACCENT = (0xD6, 0x28, 0x39)  # « Suivant », « Terminer »
ACCENT_DOWN = (0xB0, 0x22, 0x2E)  # the same, pressed (kiosk/screens/theme.c)
RIGHT = (0x1E, 0x7B, 0x4F)  # the passed result banner
RIGHT_BG = (0xDD, 0xF3, 0xE6)
WRONG_BG = (0xFB, 0xE2, 0xDF)
RING = (0xFF, 0xD4, 0x00)  # the focus ring's inner colour (kiosk/screens/focus.c)
DOT = (0xA8, 0xDC, 0xDB)  # the attract screen's network dots (tolerance wide)


class Image:
    def __init__(self, w, h, rgb):
        self.w, self.h, self.rgb = w, h, rgb

    @classmethod
    def ppm(cls, path):
        with open(path, "rb") as f:
            data = f.read()
        # P6\n<w> <h>\n255\n<rgb>
        fields = []
        pos = 0
        while len(fields) < 4:
            while data[pos:pos + 1].isspace():
                pos += 1
            if data[pos:pos + 1] == b"#":
                pos = data.index(b"\n", pos) + 1
                continue
            end = pos
            while not data[end:end + 1].isspace():
                end += 1
            fields.append(data[pos:end])
            pos = end
        if fields[0] != b"P6" or fields[3] != b"255":
            raise ValueError(f"{path}: not an 8-bit PPM")
        w, h = int(fields[1]), int(fields[2])
        return cls(w, h, data[pos + 1:pos + 1 + w * h * 3])

    def pixel(self, x, y):
        i = (y * self.w + x) * 3
        return tuple(self.rgb[i:i + 3])

    def samples(self, box=(0, 0, 1, 1)):
        """(x, y, r, g, b) every STEP pixels inside BOX (fractions)."""
        x0, y0 = int(box[0] * self.w), int(box[1] * self.h)
        x1, y1 = int(box[2] * self.w), int(box[3] * self.h)
        for y in range(y0, y1, STEP):
            row = self.rgb[(y * self.w + x0) * 3:(y * self.w + x1) * 3]
            r, g, b = row[0::3 * STEP], row[1::3 * STEP], row[2::3 * STEP]
            for i in range(len(r)):
                yield x0 + i * STEP, y, r[i], g[i], b[i]

    def share(self, colour, tol=6, box=(0, 0, 1, 1)):
        """The fraction of BOX in COLOUR (each channel within TOL)."""
        n = hit = 0
        cr, cg, cb = colour
        for _, _, r, g, b in self.samples(box):
            n += 1
            if abs(r - cr) <= tol and abs(g - cg) <= tol and abs(b - cb) <= tol:
                hit += 1
        return hit / n if n else 0.0

    def mean(self, box=(0, 0, 1, 1)):
        n = 0
        s = [0, 0, 0]
        for _, _, r, g, b in self.samples(box):
            n += 1
            s[0] += r
            s[1] += g
            s[2] += b
        return tuple(v / n for v in s) if n else (0, 0, 0)

    def lit(self, level=40, box=(0, 0, 1, 1)):
        """The fraction of BOX brighter than LEVEL (text on a console)."""
        n = hit = 0
        for _, _, r, g, b in self.samples(box):
            n += 1
            if r > level or g > level or b > level:
                hit += 1
        return hit / n if n else 0.0

    def bands(self, colour, tol=8, box=(0, 0, 1, 1), min_h=24, min_w=60):
        """Solid rectangles of COLOUR (buttons): [(cx, cy, w, h)] in pixels,
        top to bottom. A band is a run of rows each holding at least MIN_W
        pixels of the colour; its centre x is the middle of those pixels."""
        rows = {}
        cr, cg, cb = colour
        for x, y, r, g, b in self.samples(box):
            if abs(r - cr) <= tol and abs(g - cg) <= tol and abs(b - cb) <= tol:
                rows.setdefault(y, []).append(x)
        out = []
        run = []
        for y in sorted(rows) + [None]:
            xs = rows.get(y, []) if y is not None else []
            wide = len(xs) * STEP >= min_w
            if wide and run and y - run[-1][0] <= STEP:
                run.append((y, min(xs), max(xs)))
                continue
            if run and (run[-1][0] - run[0][0] + STEP) >= min_h:
                ys = [r[0] for r in run]
                lo = sorted(r[1] for r in run)[len(run) // 2]
                hi = sorted(r[2] for r in run)[len(run) // 2]
                out.append(((lo + hi) // 2, (ys[0] + ys[-1]) // 2, hi - lo + STEP,
                            ys[-1] - ys[0] + STEP))
            run = [(y, min(xs), max(xs))] if wide else []
        return out

    def save_png(self, path):
        raw = b"".join(b"\0" + self.rgb[y * self.w * 3:(y + 1) * self.w * 3]
                       for y in range(self.h))

        def chunk(kind, data):
            return (struct.pack(">I", len(data)) + kind + data +
                    struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n")
            f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)))
            f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
            f.write(chunk(b"IEND", b""))


def classify(img):
    """A name for what the screen shows:
    black       nothing lit (no output, or the kiosk's closed-hours frame)
    console     a dark screen with a little light: text, or only a cursor
    attract     the kiosk's attract screen (primary blue, the red dot/pill)
    out-of-order primary blue and light text, without the attract's colours
    body        one of the kiosk's inner screens (header and light body)
    other       anything else
    """
    lit = img.lit()
    if lit < 0.0005:
        # A text cursor is a few pixels the samples miss: any pixel lit on
        # an otherwise black screen is a console (the kiosk's own dark
        # frames are black throughout).
        return "console" if max(img.rgb) > 40 else "black"
    primary = img.share(PRIMARY, tol=10)
    if primary > 0.6:
        # The attract screen's pill (pulsing between accent and primary)
        # and dots; the out-of-order page has only text.
        reds = img.share(ACCENT, tol=70, box=(0.2, 0.55, 0.8, 0.95))
        dots = img.share(DOT, tol=30, box=(0.2, 0.05, 0.8, 0.45))
        return "attract" if reds > 0.05 or dots > 0.01 else "out-of-order"
    if img.share(BG, tol=6, box=(0, 0.15, 1, 1)) > 0.3 and \
            img.share(PRIMARY, tol=10, box=(0, 0, 1, 0.1)) > 0.5:
        return "body"
    if lit < 0.08 and img.mean()[0] < 40:
        return "console"
    return "other"


def quiz_state(img):
    """On the quiz screen: ("choose", [(x, y)...]) the choices to tap,
    ("next", (x, y)) the button after an answer, or (None, None)."""
    nxt = img.bands(ACCENT, box=(0, 0.15, 1, 1), min_h=32) or \
        img.bands(ACCENT_DOWN, box=(0, 0.15, 1, 1), min_h=32)
    if nxt and (img.share(RIGHT_BG, tol=6) > 0.02 or img.share(WRONG_BG, tol=6) > 0.02):
        x, y, _, _ = nxt[-1]
        return "next", (x, y)
    cards = [b for b in img.bands(CARD, tol=3, box=(0.05, 0.2, 0.95, 1), min_h=32, min_w=200)]
    if cards:
        return "choose", [(x, y) for x, y, _, _ in cards]
    return None, None


def result_button(img):
    """The result screen's « Terminer »: the accent button in the bottom
    fifth, under a banner (primary, or green when passed)."""
    banner = max(img.share(PRIMARY, tol=10, box=(0.05, 0.17, 0.95, 0.3)),
                 img.share(RIGHT, tol=10, box=(0.05, 0.17, 0.95, 0.3)))
    if banner < 0.5:
        return None
    b = img.bands(ACCENT, box=(0, 0.8, 1, 1), min_h=24) or \
        img.bands(ACCENT_DOWN, box=(0, 0.8, 1, 1), min_h=24)
    if not b:
        return None
    x, y = b[-1][0], b[-1][1]
    # Passed: « Terminer » alone, the accent button in the middle. Not yet:
    # the accent one on the left is « Refaire le quiz », and « Terminer »
    # (white) is its mirror on the right.
    return (img.w - x, y) if x < 0.45 * img.w else (x, y)


def focused_at(img, xy):
    """Whether the focus ring surrounds the button whose centre is XY: the
    ring's colour both above and below the centre, on every pixel of the
    column through it (the ring is 2-4 px thick: a sampled grid misses it)
    within a tenth of the screen's height. The result's buttons stand side
    by side, so a neighbour's ring never crosses that column."""
    x, y = int(xy[0]), int(xy[1])
    reach = img.h // 10

    def ring(y0, y1):
        for yy in range(max(0, y0), min(img.h, y1)):
            r, g, b = img.pixel(x, yy)
            if abs(r - RING[0]) <= 40 and abs(g - RING[1]) <= 40 and abs(b - RING[2]) <= 40:
                return True
        return False

    return ring(y - reach, y) and ring(y, y + reach)
