#!/usr/bin/python3
"""The item analysis's truth from a gen_sessions spec, and the bounds the
published figures must keep (PRIVACY.md: each count within 2 of the truth;
each item sum within 2 x half its mean, report/items.c)."""
import itertools, sys

def parse(spec):
    groups = []
    for line in open(spec):
        line = line.split("#")[0].split()
        if not line:
            continue
        kv = dict(w.split("=", 1) for w in line)
        ans = []
        for a in kv.get("ans", "").split(",") if kv.get("ans") else []:
            q, o, c, r = a.split(":")
            ans.append((q, int(c), int(r)))
        groups.append((int(kv.get("n", 1)), kv.get("end") == "finished", ans))
    return groups

def truth(spec):
    t = {}
    for n, finished, ans in parse(spec):
        rights = sum(r for _, _, r in ans)
        for q, c, r in ans:
            it = t.setdefault(q, dict(answered=0, right=0, choices={}, n=0, x=0, r=0, xr=0, rr=0))
            it["answered"] += n
            it["right"] += n * r
            it["choices"][c] = it["choices"].get(c, 0) + n
            if finished:
                rest = rights - r
                it["n"] += n; it["x"] += n * r; it["r"] += n * rest
                it["xr"] += n * r * rest; it["rr"] += n * rest * rest
    return t

def corr(n, x, r, xr, rr):
    if n < 2:
        return None
    mx, mr = x / n, r / n
    cov, vx, vr = xr / n - mx * mr, mx * (1 - mx), rr / n - mr * mr
    if vx <= 1e-12 or vr <= 1e-12:
        return None
    return max(-1.0, min(1.0, cov / (vx * vr) ** 0.5))

def disc_bounds(it):
    """Every correlation the published sums can give, or None if one of
    them has none."""
    n = it["n"]
    if n == 0 or it["x"] in (0, n):
        return None  # no correlation in the truth: checked apart
    vals = []
    def dev(s):
        m = max(1, (s // n + 1) // 2)
        return [s + d * m for d in (-2, -1, 0, 1, 2)]
    for dn in range(-2, 3):
        np_ = n + dn
        if np_ < 2:
            return None
        for dx in range(-2, 3):
            xp = min(max(it["x"] + dx, 0), np_)
            for r, xr, rr in itertools.product(dev(it["r"]), dev(it["xr"]), dev(it["rr"])):
                c = corr(np_, xp, max(r, 0), max(xr, 0), max(rr, 0))
                if c is not None:
                    vals.append(c)
    return (min(vals), max(vals)) if vals else None

def fac_bounds(it):
    a, r = it["answered"], it["right"]
    fs = [100 * min(r + dr, a + da) / (a + da) for dr in range(-2, 3) for da in range(-2, 3)
          if a + da > 0 and r + dr >= 0]
    return min(fs), max(fs)

FLAG_TIER = {"negative-discrimination": 0, "not-discriminating": 1, "too-hard": 1}

def fmt1(v):
    return "%.1f" % v

def can_publish(pub, true, whole, shown):
    """shown == one decimal of 100*c/whole for some c within 2 of true."""
    return any(c >= 0 and fmt1(100 * c / whole) == fmt1(shown)
               for c in range(true - 2, true + 3)) if whole > 0 else True

def main(spec, json_path, k):
    import json
    t = truth(spec)
    d = json.load(open(json_path))
    errs, expected = [], set()
    items = d["items"]
    if [i["rank"] for i in items] != list(range(1, len(items) + 1)):
        errs.append("ranks not 1..n")
    if sorted(i["question"] for i in items) != sorted(t):
        errs.append("questions %s, truth %s" % ([i["question"] for i in items], sorted(t)))
    tiers = []
    for i in items:
        q, it = i["question"], t.get(i["question"])
        if it is None:
            continue
        a, f, disc, flags = i["answered"], i["facility_pct"], i["discrimination"], i["flags"]
        if abs(a - it["answered"]) > 2:
            errs.append("%s answered %s, truth %d" % (q, a, it["answered"]))
        if not can_publish(None, it["right"], a, f):
            errs.append("%s facility %s %% of %s: no right count within 2 of %d" % (q, f, a, it["right"]))
        for ch in i["choices"]:
            idx = ord(ch["choice"]) - ord("A")
            true_c = it["choices"].get(idx, 0)
            if ch["right"] != (idx == 0):
                errs.append("%s choice %s right=%s" % (q, ch["choice"], ch["right"]))
            if ch["suppressed"] or not can_publish(None, true_c, a, ch["share_pct"]):
                errs.append("%s choice %s share %s %% of %s: truth %d" % (q, ch["choice"], ch["share_pct"], a, true_c))
        # The mask that remains: the discrimination under K finished quizzes.
        if it["n"] <= k - 3 and not i["discrimination_suppressed"]:
            errs.append("%s discrimination shown over %d finished (K=%d)" % (q, it["n"], k))
        if it["n"] >= k + 2 and i["discrimination_suppressed"]:
            errs.append("%s discrimination hidden over %d finished (K=%d)" % (q, it["n"], k))
        if i["discrimination_suppressed"] and disc is not None:
            errs.append("%s discrimination suppressed but given" % q)
        if it["n"] > 0 and it["x"] in (0, it["n"]) and disc is not None:
            errs.append("%s: all right or all wrong, discrimination %s instead of none" % (q, disc))
        b = disc_bounds(it)
        if disc is not None and b and not (b[0] - 0.005 <= disc <= b[1] + 0.005):
            errs.append("%s discrimination %s outside [%.3f, %.3f]" % (q, disc, b[0], b[1]))
        # One flag per finding, each from the published figures.
        want = set()
        if f > 90: want.add("too-easy")
        if f < 30: want.add("too-hard")
        if disc is not None and not i["discrimination_suppressed"] and disc < 0.2:
            want.add("negative-discrimination" if disc < 0 else "not-discriminating")
        if sorted(flags) != sorted(want) or len(flags) != len(set(flags)):
            errs.append("%s flags %s, its figures give %s" % (q, flags, sorted(want)))
        # The flags the truth clearly warrants, whatever the noise.
        fb = fac_bounds(it)
        clear = set()
        if fb[0] > 90: clear.add("too-easy")
        if fb[1] < 30: clear.add("too-hard")
        if b and it["n"] >= k + 2:
            if b[1] < 0: clear.add("negative-discrimination")
            if b[0] >= 0.2 or b[1] < 0: pass
        for c in clear:
            expected.add(c)
            if c not in flags:
                errs.append("%s not flagged %s (truth: facility %.1f..%.1f, discrimination %s)" % (q, c, fb[0], fb[1], b))
        if fb[0] >= 30 and fb[1] <= 90 and ({"too-easy", "too-hard"} & set(flags)):
            errs.append("%s flagged %s with facility %.1f..%.1f" % (q, flags, fb[0], fb[1]))
        if b and b[0] >= 0.2 and it["n"] >= k + 2 and ({"not-discriminating", "negative-discrimination"} & set(flags)):
            errs.append("%s flagged %s with discrimination %.2f..%.2f" % (q, flags, b[0], b[1]))
        tiers.append(min([FLAG_TIER.get(x, 2) for x in flags] or [3]))
    if tiers != sorted(tiers):
        errs.append("not the questions to rewrite first: tiers %s" % tiers)
    print(" ".join(sorted(expected)))
    for e in errs:
        print("ERR", e)
    return not errs

if __name__ == "__main__":
    sys.exit(0 if main(sys.argv[1], sys.argv[2], int(sys.argv[3])) else 1)
