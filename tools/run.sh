#!/bin/sh
# make run: the kiosk on the bundled module, in a window, with its database
# in build/. Without a display, say so and show how to see it anyway.
BUILD=${BUILD:-build}
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
	echo "make run: no display here (DISPLAY and WAYLAND_DISPLAY are unset); to see the kiosk anyway, run 'make shots' and open the screenshots in $BUILD/shots/"
	exit 0
fi
exec "$BUILD/kiosk" --windowed --config config/kiosk.yaml
