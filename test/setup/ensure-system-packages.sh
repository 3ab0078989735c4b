#!/usr/bin/env bash
# What the tests need from the system besides npm packages: Java 17 for DynamoDB Local, Debian's
# Chromium for the browser tests, fonts that render Vietnamese (Noto, and Liberation Serif for
# Times New Roman's metrics), poppler's pdftotext for printed
# sheets, openpyxl for XLSX exports. As root with apt-get, missing ones are installed; otherwise the exact command is printed.
set -euo pipefail

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
# Liberation Serif 2: Times New Roman's metrics with Vietnamese, the face the union's papers use;
# fontconfig gives it to "Times New Roman", so printed sheets lay out as they do in Word.
dpkg -s fonts-liberation2 >/dev/null 2>&1 || missing+=(fonts-liberation2)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# openpyxl reads the product's XLSX exports in the tests: a reader other than the library that
# writes them. Debian's python3, not whatever python3 comes first on PATH.
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || missing+=(python3-openpyxl)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages the tests need: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The tests need these system packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
