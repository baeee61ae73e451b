#!/usr/bin/env python3
"""Typst side of the certificate benchmark: the same N generated awardees,
one A3 landscape page each, Liberation Serif from fonts/, merged into one
PDF. Prints "<seconds> <bytes>" of the compile call. Needs the PyPI package
`typst` (the benchmark installs it with pip when missing).

Usage: typst_khen.py N GEN_AWARDEES.py FONTS_DIR WORK_DIR
"""
import json, os, subprocess, sys, time

import typst

n, generator, fonts, work = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
data = subprocess.run([sys.executable, generator, str(n), "--json"], check=True, capture_output=True).stdout
with open(os.path.join(work, "ds.json"), "wb") as f:
    f.write(data)
source = r'''
#set page(width: 420mm, height: 297mm, margin: 0mm)
#set text(font: "Liberation Serif", lang: "vi")
#let box(x, y, w, h, size, body, weight: "regular", style: "normal", fill: black) = place(
  top + left, dx: x * 1mm, dy: y * 1mm,
  block(width: w * 1mm, height: h * 1mm, align(center + horizon,
    text(size: size * 1pt, weight: weight, style: style, fill: fill, body))))
#let data = json("ds.json")
#for (i, a) in data.enumerate() {
  if i > 0 { pagebreak() }
  place(top + left, dx: 12mm, dy: 12mm, rect(width: 396mm, height: 273mm, stroke: 2pt + rgb("#9E1B1B")))
  place(top + left, dx: 20mm, dy: 20mm, rect(width: 380mm, height: 257mm, stroke: 0.8pt + rgb("#9E1B1B")))
  box(60, 30, 300, 9, 17, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", weight: "bold")
  box(60, 39, 300, 9, 18, underline("Độc lập - Tự do - Hạnh phúc"), weight: "bold")
  box(40, 60, 340, 22, 24, "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", weight: "bold", fill: rgb("#C00000"))
  box(60, 84, 300, 10, 22, "TẶNG", weight: "bold")
  box(40, 96, 340, 24, 56, "BẰNG KHEN", weight: "bold", fill: rgb("#C00000"))
  box(40, 124, 340, 28, 32, a.name, weight: "bold")
  box(50, 154, 320, 16, 20, a.at("position", default: ""))
  box(45, 172, 330, 32, 20, a.reason, style: "italic")
  box(34, 240, 160, 8, 14, "Quyết định số 2345/QĐ-UBND, ngày 15 tháng 8 năm 2018")
  box(34, 249, 160, 8, 14, "Số sổ vàng: " + str(i + 1))
  box(215, 205, 180, 8, 16, "Hải Phòng, ngày 15 tháng 8 năm 2018", style: "italic")
  box(215, 214, 180, 8, 16, "KT. CHỦ TỊCH", weight: "bold")
  box(215, 222, 180, 8, 16, "PHÓ CHỦ TỊCH", weight: "bold")
  box(215, 264, 180, 9, 18, "Lê Khắc Nam", weight: "bold")
}
'''
with open(os.path.join(work, "khen.typ"), "w", encoding="utf-8") as f:
    f.write(source)
out = os.path.join(work, "khen-typst.pdf")
start = time.perf_counter()
typst.compile(os.path.join(work, "khen.typ"), output=out, font_paths=[fonts], ignore_system_fonts=True)
seconds = time.perf_counter() - start
print(f"{seconds:.3f} {os.path.getsize(out)}")
