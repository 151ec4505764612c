#!/usr/bin/env bash
# macOS disk image from the frozen app: packaging/build_app.py first (it makes
# dist/Laneway.app), then
#
#   packaging/macos/make_dmg.sh                   # -> dist/Laneway-VERSION.dmg
#
# The image opens on Laneway.app beside a link to /Applications (drag to install). The app
# is signed ad hoc (PyInstaller does that); to sign with a Developer ID and notarise, set
# CODESIGN_IDENTITY (and NOTARY_PROFILE, a notarytool keychain profile).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
app="$root/dist/Laneway.app"
[ -d "$app" ] || { echo "make_dmg: no $app (run packaging/build_app.py)" >&2; exit 1; }
version="$("$app/Contents/MacOS/Laneway" --version | awk '{print $2}')"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$app"
fi
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
dmg="$root/dist/Laneway-$version.dmg"
hdiutil create -volname "Laneway $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
fi
echo "DMG: $dmg"
