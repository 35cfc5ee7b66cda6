#!/bin/sh
# The fleet end to end over Syncthing (Debian's syncthing): two instances on
# 127.0.0.1, a "central" one (authoring folder, reports) and a "kiosk" one
# (inbox, outbox), each with its own --home and listen port on the loopback.
# The kiosk's runs the configuration the package ships: written by
# packaging/libexec/kiosk-sync-setup as kiosk-sync.service does, and each of
# its settings is read back from Syncthing's own REST API (issue 25).
# A bundle copied into the authoring folder reaches the kiosk's inbox and is
# installed (kiosk-bundle inbox, as kiosk-content.path would start it); the
# kiosk then shows the new module; the kiosk's export goes out through its
# outbox and kiosk-report --fleet reads it on the central side.
# Bounded: every wait gives up after FLEET_WAIT_S (default 90) seconds, and
# both instances are stopped on exit.
. tests/lib.sh
BUNDLE="$ROOT/$BUILD/kiosk-bundle"
EXPORT="$ROOT/$BUILD/kiosk-export"
WAIT_S=${FLEET_WAIT_S:-90}
if ! command -v syncthing >/dev/null 2>&1; then
	fail syncthing "syncthing missing (Debian package syncthing, in DEBS_TEST)"
	exit 0
fi
pids=""
stop_all() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	for p in $pids; do wait "$p" 2>/dev/null; done
	[ -n "${KEEP_TMP:-}" ] || rm -rf "$TMP"
}
trap stop_all EXIT
t0=$(date +%s)

# Four ports on the loopback from a random range (parallel runs differ).
base=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 20000))
P_C=$base
P_K=$((base + 1))
G_C=$((base + 2))

C=$TMP/central
K=$TMP/kiosk
export STNODEFAULTFOLDER=1 STNOUPGRADE=1 STNORESTART=1 HOME=$TMP
syncthing generate --home="$C/st" --no-default-folder --skip-port-probing >"$TMP/gen-c" 2>&1
syncthing generate --home="$K/st" --no-default-folder --skip-port-probing >"$TMP/gen-k" 2>&1
ID_C=$(sed -n 's/.*Device ID: *//p' "$TMP/gen-c" | head -1)
ID_K=$(sed -n 's/.*Device ID: *//p' "$TMP/gen-k" | head -1)
if [ -z "$ID_C" ] || [ -z "$ID_K" ]; then
	fail "syncthing generate" "$(cat "$TMP/gen-c" "$TMP/gen-k")"
	exit 0
fi

# config HOME LISTEN GUI FOLDER-XML: a closed, loopback-only configuration.
config() {
	cat >"$1/config.xml" <<XML
<configuration version="36">
$4
    <device id="$ID_C" name="central" compression="metadata">
        <address>tcp://127.0.0.1:$P_C</address>
    </device>
    <device id="$ID_K" name="kiosk" compression="metadata">
        <address>tcp://127.0.0.1:$P_K</address>
    </device>
    <gui enabled="true" tls="false">
        <address>127.0.0.1:$3</address>
        <apikey>fleet-test-$3</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:$2</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <startBrowser>false</startBrowser>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <reconnectionIntervalS>5</reconnectionIntervalS>
    </options>
</configuration>
XML
}
folder() { # id path type
	mkdir -p "$2/.stfolder"
	cat <<XML
    <folder id="$1" label="$1" path="$2" type="$3" rescanIntervalS="10" fsWatcherEnabled="true" fsWatcherDelayS="1">
        <device id="$ID_C"></device>
        <device id="$ID_K"></device>
    </folder>
XML
}
config "$C/st" "$P_C" "$G_C" "$(folder kiosk-content "$C/authoring" sendonly; folder kiosk-reports "$C/reports/kiosk-1" receiveonly)"
# The kiosk: the shipped configuration, from the settings kiosk-sync.service
# reads in /etc/default/kiosk (this kiosk's LAN address, the central host).
# The outbox's marker as the package's tmpfiles make it; the inbox's is
# kiosk-sync-setup's to make.
mkdir -p "$K/inbox" "$K/outbox/.stfolder" "$K/run"
chmod 0700 "$K/run"
KIOSK_SYNC_HOME=$K/st KIOSK_SYNC_RUN=$K/run KIOSK_SYNC_INBOX=$K/inbox KIOSK_SYNC_OUTBOX=$K/outbox \
	KIOSK_SYNC_LISTEN=tcp://127.0.0.1:$P_K KIOSK_SYNC_CENTRAL=$ID_C \
	KIOSK_SYNC_CENTRAL_ADDRESS=tcp://127.0.0.1:$P_C \
	sh "$ROOT/packaging/libexec/kiosk-sync-setup" >"$TMP/setup.out" 2>&1
check "kiosk-sync-setup writes the kiosk's Syncthing configuration" test $? -eq 0
check "kiosk-sync-setup makes the inbox's folder marker" test -d "$K/inbox/.stfolder"
KIOSK_SYNC_HOME=$TMP/nolisten sh "$ROOT/packaging/libexec/kiosk-sync-setup" >"$TMP/setup2.out" 2>&1
[ $? -eq 2 ] && grep -q "set this kiosk's LAN address" "$TMP/setup2.out" &&
	pass "without KIOSK_SYNC_LISTEN it refuses to start (never all addresses)" ||
	fail "no listen address" "$(cat "$TMP/setup2.out")"
KIOSK_SYNC_HOME=$TMP/any KIOSK_SYNC_LISTEN=tcp://0.0.0.0:22000 sh "$ROOT/packaging/libexec/kiosk-sync-setup" >"$TMP/setup3.out" 2>&1
[ $? -eq 2 ] && pass "a listen address of 0.0.0.0 is refused" || fail "0.0.0.0" "$(cat "$TMP/setup3.out")"
syncthing serve --home="$C/st" --no-browser --no-restart --no-upgrade >"$TMP/st-c.log" 2>&1 &
pids="$pids $!"
syncthing serve --home="$K/st" --no-browser --no-restart --no-upgrade >"$TMP/st-k.log" 2>&1 &
pids="$pids $!"

# The kiosk's settings, from Syncthing itself (GET /rest/config on the
# GUI's Unix socket, with the API key; without it, refused).
rest() { # PATH [no-key] -> the body, or "status N"
	python3 - "$K/run/gui.sock" "$(cat "$K/st/apikey")" "$1" "${2:-}" <<'PY'
import http.client, socket, sys, time
class U(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(sys.argv[1])
for i in range(60):
    try:
        c = U("localhost")
        c.request("GET", sys.argv[3], headers={} if sys.argv[4] else {"X-API-Key": sys.argv[2]})
        r = c.getresponse()
        body = r.read().decode()
        print(body if r.status == 200 else "status %d" % r.status)
        sys.exit(0)
    except OSError:
        time.sleep(0.5)
print("no socket")
PY
}
rest /rest/config >"$TMP/config.json"
python3 - "$TMP/config.json" "$K" "$P_K" >"$TMP/settings.out" 2>&1 <<'PY'
import json, os, stat, sys
c = json.load(open(sys.argv[1])); k = sys.argv[2]; o = c["options"]; g = c["gui"]
checks = [
    ("listens on the LAN address set in the settings only", o["listenAddresses"] == ["tcp://127.0.0.1:" + sys.argv[3]]),
    ("local discovery on", o["localAnnounceEnabled"] is True),
    ("no global announce", o["globalAnnounceEnabled"] is False and o["globalAnnounceServers"] in ([], [""])),
    ("no relays", o["relaysEnabled"] is False),
    ("no NAT traversal", o["natEnabled"] is False),
    ("no automatic upgrades", o["autoUpgradeIntervalH"] == 0 and o["upgradeToPreReleases"] is False),
    ("no usage or crash reports", o["urAccepted"] == -1 and o["crashReportingEnabled"] is False),
    ("GUI on a Unix socket only (mode 0700)", g["address"] == k + "/run/gui.sock" and
        stat.S_IMODE(os.stat(g["address"]).st_mode) == 0o700 and g["unixSocketPermissions"] == "0700"),
    ("GUI with a user and a password (bcrypt)", g["user"] != "" and g["password"].startswith("$2")),
    ("two folders only: the inbox (receive only) and the outbox (send only)",
        sorted((f["path"], f["type"]) for f in c["folders"]) == [(k + "/inbox", "receiveonly"), (k + "/outbox", "sendonly")]),
]
for name, ok in checks:
    print(("PASS" if ok else "FAIL") + " shipped Syncthing configuration: " + name + ("" if ok else ": " + json.dumps({"options": o, "gui": g, "folders": c["folders"]})[:400]))
PY
cat "$TMP/settings.out"
[ "$(rest /rest/config no-key)" = "status 401" ] && pass "shipped Syncthing configuration: REST refused without the API key" ||
	fail "REST without key" "$(rest /rest/config no-key | head -c 200)"

# wait_file PATTERN: until a file matches (bounded).
wait_file() {
	end=$(($(date +%s) + WAIT_S))
	while [ "$(date +%s)" -lt "$end" ]; do
		for f in $1; do [ -f "$f" ] && return 0; done
		sleep 0.5
	done
	return 1
}

# The authors: a key, module version 4, the bundle dropped into their folder.
"$BUNDLE" keygen "$TMP/authors" >/dev/null
mkdir -p "$TMP/keys" "$K/root/versions"
cp "$TMP"/authors/*.pub "$TMP/keys/"
cp -R "$MINI" "$K/root/versions/mini-3"
ln -s versions/mini-3 "$K/root/current"
cp -R "$MINI" "$TMP/mini4"
sed -i -e 's/^version: .*/version: 4/' -e 's/Qui me voit ?/Qui me voit (v4) ?/' "$TMP/mini4/module.yaml"
"$BUNDLE" pack "$TMP/mini4" --key "$(ls "$TMP"/authors/*.secret)" -o "$TMP/mini-4.kbundle" >/dev/null
t_copy=$(date +%s)
cp "$TMP/mini-4.kbundle" "$C/authoring/.mini-4.kbundle.part"
mv "$C/authoring/.mini-4.kbundle.part" "$C/authoring/mini-4.kbundle"

if wait_file "$K/inbox/mini-4.kbundle"; then
	pass "the bundle reached the kiosk's inbox in $(($(date +%s) - t_copy)) s"
else
	fail "bundle to the inbox" "not there after $WAIT_S s: $(tail -5 "$TMP/st-k.log" | tr '\n' ' ')"
	exit 0
fi
cmp -s "$TMP/mini-4.kbundle" "$K/inbox/mini-4.kbundle" && pass "the bundle arrived intact" ||
	fail "bundle intact" "it differs"

# What kiosk-content.service runs when the inbox changes.
sed -e 's/^idle_timeout_s: .*/idle_timeout_s: 10/' -e 's/^still_there_s: .*/still_there_s: 3/' \
	"$TMP/kiosk.yaml" >"$TMP/k.yaml"
"$BUNDLE" inbox "$K/inbox" --keys "$TMP/keys" --root "$K/root" --config "$TMP/k.yaml" >"$TMP/inbox.out" 2>&1
if [ "$(readlink "$K/root/current")" = versions/mini-4 ]; then
	pass "installed from the inbox: current -> mini-4"
else
	fail "install from the inbox" "$(cat "$TMP/inbox.out")"
fi
# A bundle signed by someone else travels the same way and is refused.
"$BUNDLE" keygen "$TMP/stranger" >/dev/null
sed -i 's/^version: .*/version: 5/' "$TMP/mini4/module.yaml"
"$BUNDLE" pack "$TMP/mini4" --key "$(ls "$TMP"/stranger/*.secret)" -o "$C/authoring/.mini-5.tmp" >/dev/null
mv "$C/authoring/.mini-5.tmp" "$C/authoring/mini-5.kbundle"
if wait_file "$K/inbox/mini-5.kbundle"; then
	"$BUNDLE" inbox "$K/inbox" --keys "$TMP/keys" --root "$K/root" --config "$TMP/k.yaml" >"$TMP/inbox.out" 2>&1
	rc=$?
	[ "$rc" -eq 2 ] && [ "$(readlink "$K/root/current")" = versions/mini-4 ] &&
		grep -q "refused .*mini-5.kbundle: signed by an unknown key" "$TMP/inbox.out" &&
		pass "a stranger's bundle arrives too, and is refused (current stays mini-4)" ||
		fail "stranger's bundle" "exit $rc: $(cat "$TMP/inbox.out")"
else
	fail "stranger's bundle to the inbox" "not there after $WAIT_S s"
fi

# Five earlier sessions (reports hide figures from fewer than 5), then the
# kiosk shows the new module: a session on current finds version 4's chapter.
echo "n=5 day=$(date -d yesterday +%F) kiosk=test stage=home" | "$GEN" -o "$TMP/kiosk.db" 2>/dev/null
printf 'tap 0.5 0.5\npress Français\nexpect home\npress Qui me voit (v4) ?\nexpect chapter\npress Retour\nwait 35000\nexpect attract\n' |
	run_script fleet-kiosk 1280x720 --config "$TMP/k.yaml" --content "$K/root/current"
check "the kiosk shows module version 4 (and stores the session)" test $? -eq 0

# Statistics and health out, through the kiosk's outbox.
t_copy=$(date +%s)
"$EXPORT" --outbox "$K/outbox" --config "$TMP/k.yaml" --content "$K/root/current" --no-journal >"$TMP/export.out" 2>&1 ||
	fail "export" "$(cat "$TMP/export.out")"
if wait_file "$C/reports/kiosk-1/test-*.db" && wait_file "$C/reports/kiosk-1/test.health"; then
	pass "the outbox reached the central host in $(($(date +%s) - t_copy)) s"
else
	fail "outbox to the central host" "not there after $WAIT_S s: $(ls -A "$C/reports/kiosk-1") $(tail -5 "$TMP/st-c.log" | tr '\n' ' ')"
	exit 0
fi
sleep 1 # both files renamed into place; the report reads whole files
"$REPORT" --fleet "$C/reports" >"$TMP/fleet.out" 2>&1
line_has "kiosk-report --fleet on the central host: the kiosk, module 4" "$TMP/fleet.out" "test " "1.0.0" "mini v4" " ok "
# The outbox carries closed batches only (PRIVACY.md): yesterday's 5, not
# today's session, whose day is still open.
n=$(sqlite3 "file:$(ls "$C"/reports/kiosk-1/test-*.db | tail -1)?immutable=1" "SELECT sum(sessions) FROM b_batch" 2>&1)
[ "$n" = 5 ] && pass "the batch file holds yesterday's closed batch of 5, not today's open session" ||
	fail "the batch file holds yesterday's 5 sessions" "$n"
grep -q "content_last_install: .* refused mini-5.kbundle" "$C/reports/kiosk-1/test.health" &&
	grep -q "last bundle: .*refused mini-5.kbundle" "$TMP/fleet.out" &&
	pass "the health file and the fleet report show the refused bundle" ||
	fail "health install line" "$(cat "$C/reports/kiosk-1/test.health")"
echo "# syncthing round trip: $(($(date +%s) - t0)) s in all"
