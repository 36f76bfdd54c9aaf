#!/bin/sh
# A stand-in for npm in the bulk import tests: "install --prefix DIR ... NAME@VERSION" installs the fixture
# package FIXTURES/NAME (a folder holding package.json; server.js is copied next to it) into DIR/node_modules/NAME,
# as npm would, without a network. A package named fake-broken fails as npm does when a version does not exist.
# FIXTURES is the folder this script sits in, plus /packages.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
[ "$1" = install ] || { echo "fake npm: only install" >&2; exit 1; }
shift
prefix=
spec=
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --*) shift ;;
    *) spec=$1; shift ;;
  esac
done
name=${spec%@*}
case "$name" in
  fake-broken) echo "npm error code ETARGET" >&2; echo "npm error notarget No matching version found for $spec." >&2; exit 1 ;;
esac
[ -d "$here/packages/$name" ] || { echo "npm error 404 Not Found - $name" >&2; exit 1; }
mkdir -p "$prefix/node_modules/$name"
cp "$here/packages/$name/package.json" "$prefix/node_modules/$name/"
cp "$here/server.js" "$prefix/node_modules/$name/"
