#!/bin/sh
# deps.sh PACKAGE... - make sure the Debian packages wiretrace builds with are
# installed.  As root, missing ones are installed with apt-get; otherwise the
# missing ones are named and the build stops.
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "wiretrace: installing missing Debian packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends $missing >&2 || {
		echo "wiretrace: apt-get failed to install:$missing" >&2; exit 1; }
	exit 0
fi
echo "wiretrace: missing Debian packages:$missing" >&2
echo "wiretrace: install them with: sudo apt-get install$missing" >&2
exit 1
