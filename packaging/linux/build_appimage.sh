#!/usr/bin/env bash
# Linux AppImage from the frozen app: packaging/build_app.py first, then
#
#   packaging/linux/build_appimage.sh                # -> build/Laneway.AppDir, dist/Laneway-VERSION-ARCH.AppImage
#   packaging/linux/build_appimage.sh --appdir-only  # the AppDir alone (tests/packaging/test_frozen.py)
#
# The AppDir carries the desktop entry, the icons (hicolor theme), the MIME type of
# *.laneway and the AppStream metainfo, so that AppImageLauncher or appimaged integrate
# it like an installed app. Packing the AppDir needs appimagetool (on PATH, or
# APPIMAGETOOL=/path/to/appimagetool); without it the script stops after the AppDir.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
frozen="${FROZEN:-$root/dist/laneway}"
appdir="${APPDIR:-$root/build/Laneway.AppDir}"
arch="${ARCH:-$(uname -m)}"
[ -x "$frozen/laneway" ] || { echo "build_appimage: no frozen app in $frozen (run packaging/build_app.py)" >&2; exit 1; }
version="$("$frozen/laneway" --version | awk '{print $2}')"
rm -rf "$appdir"
mkdir -p "$appdir/usr/bin" "$appdir/usr/lib" "$appdir/usr/share/applications" \
    "$appdir/usr/share/mime/packages" "$appdir/usr/share/metainfo" \
    "$appdir/usr/share/icons/hicolor/scalable/apps"
cp -a "$frozen" "$appdir/usr/lib/laneway"
ln -s ../lib/laneway/laneway "$appdir/usr/bin/laneway"
ln -s usr/bin/laneway "$appdir/AppRun"  # the bootloader finds _internal/ through /proc/self/exe

id=org.laneway.Laneway  # the desktop file, the AppStream component and the icon share it
install -m 644 "$here/$id.desktop" "$appdir/usr/share/applications/$id.desktop"
ln -s "usr/share/applications/$id.desktop" "$appdir/$id.desktop"
install -m 644 "$here/$id.mime.xml" "$appdir/usr/share/mime/packages/$id.xml"
install -m 644 "$here/$id.metainfo.xml" "$appdir/usr/share/metainfo/$id.appdata.xml"
icons="$root/resources/icons"
for png in "$icons"/laneway-*.png; do
    size="$(basename "$png" .png)"; size="${size#laneway-}"
    mkdir -p "$appdir/usr/share/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$png" "$appdir/usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
done
install -m 644 "$icons/laneway.svg" "$appdir/usr/share/icons/hicolor/scalable/apps/$id.svg"
ln -s "usr/share/icons/hicolor/256x256/apps/$id.png" "$appdir/$id.png"
ln -s "$id.png" "$appdir/.DirIcon"
echo "AppDir: $appdir"

[ "${1:-}" = "--appdir-only" ] && exit 0
tool="${APPIMAGETOOL:-$(command -v appimagetool || true)}"
if [ -z "$tool" ]; then
    echo "build_appimage: appimagetool not found; stopping after the AppDir." >&2
    exit 0
fi
mkdir -p "$root/dist"
out="$root/dist/Laneway-$version-$arch.AppImage"
ARCH="$arch" "$tool" "$appdir" "$out"
echo "AppImage: $out"
