#!/usr/bin/env python3
"""Draws trh's icon (a ranked list: three bars, the top one highlighted, on a rounded blue
square, in the Okabe-Ito colours the charts use) as trh.png (256 px, the window icon) and
trh.ico (16, 24, 32, 48, 64 and 256 px, the Windows executable's icon). Standard library only:
    python3 assets/icon/make_icon.py
"""
import struct
import zlib
from pathlib import Path

BLUE = (0, 114, 178)
ORANGE = (230, 159, 0)
WHITE = (255, 255, 255)
SS = 4  # supersampling per axis


def inside_round_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def shape_at(u, v):
    """The colour at (u, v) in the unit square, or None for transparent."""
    if not inside_round_rect(u, v, 0.03, 0.03, 0.97, 0.97, 0.18):
        return None
    bars = [(0.22, 0.80, ORANGE), (0.44, 0.66, WHITE), (0.66, 0.50, WHITE)]
    for top, right, colour in bars:
        if inside_round_rect(u, v, 0.18, top, right, top + 0.13, 0.05):
            return colour
    return BLUE


def render(size):
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    c = shape_at((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size)
                    if c is not None:
                        acc[0] += c[0]
                        acc[1] += c[1]
                        acc[2] += c[2]
                        acc[3] += 1
            n = acc[3]
            if n == 0:
                row += bytes(4)
            else:
                row += bytes((acc[0] // n, acc[1] // n, acc[2] // n, 255 * n // (SS * SS)))
        rows.append(bytes(row))
    return rows


def png(size, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + r for r in rows)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def ico(images):
    """An .ico holding PNG-compressed images (Windows Vista and later read them)."""
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, data in images:
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(d for _, d in images)


def main():
    here = Path(__file__).resolve().parent
    images = [(s, png(s, render(s))) for s in (16, 24, 32, 48, 64, 256)]
    (here / "trh.ico").write_bytes(ico(images))
    (here / "trh.png").write_bytes(images[-1][1])


if __name__ == "__main__":
    main()
