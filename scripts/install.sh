#!/bin/sh
# Installs maturity from a release build: the program into PREFIX/bin, the shipped catalogs into
# PREFIX/share/maturity/Criteria, where the program finds them.
#
#   swift build -c release
#   scripts/install.sh                         # PREFIX defaults to ~/.local
#   PREFIX=/opt/maturity scripts/install.sh    # anywhere else you can write
#
# MATURITY_BINARY names another build to install (default: .build/release/maturity).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${PREFIX:-$HOME/.local}
binary=${MATURITY_BINARY:-$root/.build/release/maturity}

if [ ! -f "$binary" ] || [ ! -x "$binary" ]; then
    echo "error: $binary does not exist; build it first with: swift build -c release" >&2
    echo "错误：找不到 $binary，请先运行 swift build -c release" >&2
    exit 1
fi

bin="$prefix/bin"
share="$prefix/share/maturity"
mkdir -p "$bin" "$share"

# Copy beside the target, then rename over it: an interrupted install leaves the old program whole.
cp "$binary" "$bin/.maturity.installing.$$"
chmod 755 "$bin/.maturity.installing.$$"
mv -f "$bin/.maturity.installing.$$" "$bin/maturity"

rm -rf "$share/.Criteria.installing.$$"
cp -R "$root/Criteria" "$share/.Criteria.installing.$$"
rm -rf "$share/Criteria"
mv "$share/.Criteria.installing.$$" "$share/Criteria"

echo "installed $bin/maturity"
echo "installed the catalogs in $share/Criteria"
case ":${PATH:-}:" in
*":$bin:"*)
    echo "run: maturity --help"
    ;;
*)
    echo ""
    echo "$bin is not on your PATH. Add it (bash; for zsh use ~/.zshrc), then open a new terminal:"
    echo "$bin 不在 PATH 中。运行下面一行加入 PATH（zsh 用 ~/.zshrc），然后打开新的终端："
    echo ""
    echo "    echo 'export PATH=\"$bin:\$PATH\"' >> ~/.bashrc"
    ;;
esac
