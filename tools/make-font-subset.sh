#!/usr/bin/env bash
# Rebuilds src/main/resources/fonts/wqy-microhei-gb2312.ttf, the CJK font of the report charts (ChartFont). Invoices
# use the GB 18030 fonts of docs/dependencies.md#invoice-fonts instead.
#
# Source: WenQuanYi Micro Hei (Debian package fonts-wqy-microhei), Apache-2.0 or GPL-3+ with font
# exception (see src/main/resources/fonts/LICENSE-wqy-microhei.txt). The subset keeps ASCII, Latin-1,
# general and CJK punctuation, full-width forms and every GB2312 character (all 6763 hanzi plus its
# symbols).
#
# Needs: fonts-wqy-microhei, python3-fonttools (Debian). The result is about 1.2 MB; iText embeds
# only the glyphs a document uses.
set -euo pipefail

SOURCE=${SOURCE:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}
PYTHON=${PYTHON:-/usr/bin/python3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/src/main/resources/fonts/wqy-microhei-gb2312.ttf"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Every character GB2312 encodes: rows 0xA1-0xF7, cells 0xA1-0xFE (undefined positions skipped).
"$PYTHON" - > "$WORK/unicodes.txt" <<'PY'
codes = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2010, 0x2070)) \
      | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
for row in range(0xA1, 0xF8):
    for cell in range(0xA1, 0xFF):
        try:
            codes.add(ord(bytes([row, cell]).decode("gb2312")))
        except UnicodeDecodeError:
            pass
print(",".join("U+%04X" % c for c in sorted(codes)))
PY

# --font-number=0: the .ttc holds Micro Hei (0) and Micro Hei Mono (1); the proportional face reads best.
"$PYTHON" -m fontTools.subset "$SOURCE" --font-number=0 \
    --unicodes-file="$WORK/unicodes.txt" \
    --name-IDs='*' --name-languages='*' --notdef-outline \
    --no-hinting --desubroutinize --output-file="$OUT"
ls -l "$OUT"
