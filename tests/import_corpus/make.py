#!/usr/bin/env python3
"""Writes the import corpus: one small file per kind of spreadsheet export
(issue #11), with the real encodings and line ends. Re-run to rebuild:
python3 tests/import_corpus/make.py. Expected outcomes: expectations.json."""
import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
H = ["month", "region", "sector", "occupation", "jobseekers", "vacancies_open", "vacancies_new", "placements"]


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def rows(sep, lines, end="\n"):
    return end.join(sep.join(r) for r in lines) + end


# 1. Excel's separator hint, CRLF, a separator at the end of every line, a row of separators.
write("excel_sep_hint.csv", (
    "sep=;\r\n"
    + rows(";", [H + [""], ["2025-07", "PT-08", "I55", "5131", "120", "30", "12", "5", ""],
                 [""] * 9, ["2025-07", "PT-08", "I56", "9412", "80", "25", "10", "4", ""]], "\r\n")
).encode("utf-8"))

# 2. Old Mac line ends (CR only).
write("mac_classic_cr.csv", rows(",", [H, ["2025-01", "PT-02", "A01", "9211", "40", "5", "3", "1"],
                                      ["2025-02", "PT-02", "A01", "9211", "38", "9", "6", "2"]], "\r").encode("utf-8"))

# 3. A quoted cell with a line break (in an extra "note" column, which is ignored).
write("quoted_line_break.csv", (
    ",".join(H + ["note"]) + "\n"
    + "2025-08,PT-08,I55,5131,90,60,30,12,\"Época alta:\nvalores provisórios\"\n"
    + "2025-08,PT-08,I55,5132,20,15,8,3,\n"
).encode("utf-8"))

# 4. Windows-1252, as Excel's "CSV (separado por vírgulas)" on Windows in Portugal writes it.
write("windows_1252.csv", rows(";", [H + ["distrito"],
                                     ["2025-07", "PT-07", "A01", "6111", "35", "12", "7", "2", "Évora"],
                                     ["2025-07", "PT-08", "I56", "5120", "64", "41", "22", "9", "Faro – Algarve"]],
                               "\r\n").encode("cp1252"))

# 5. UTF-16 with a byte order mark, tab-separated: Excel's "Unicode text".
write("excel_unicode_text.txt", rows("\t", [H, ["2025-03", "PT-15", "A01", "9211", "55", "14", "9", "3"]],
                                     "\r\n").encode("utf-16"))

# 6. A workbook dropped as is (.xlsx is a zip).
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types/>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook/>')
write("workbook.xlsx", buf.getvalue())

# 7. A legacy Excel 97-2003 workbook (an OLE compound file).
write("legacy_workbook.xls", bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))

# 8. Numbers as people write them that have one reading, and "not available" markers.
write("numbers_accepted.csv", rows(",", [H,
    ["2025-07", "PT-08", "I55", "5131", "120.0", "007", "+12", "#N/D"],
    ["2025-07", "PT-08", "I55", "5132", "\"1 234\"", "30", "-", "n.d."],
    ["2025-07", "PT-08", "I56", "9412", "\"1\u00a0050\"", ":", "..", "#N/A"]]).encode("utf-8"))

# 9. Numbers that are ambiguous or not counts.
write("numbers_refused.csv", rows(",", [H,
    ["2025-07", "PT-08", "I55", "5131", "\"1.000\"", "30", "12", "5"],
    ["2025-07", "PT-08", "I55", "5132", "40", "\"310,5\"", "12", "5"],
    ["2025-07", "PT-08", "I56", "9412", "40", "30", "1e3", "5"],
    ["2025-07", "PT-08", "I56", "5120", "40", "30", "12", "5"]]).encode("utf-8"))

# 10. Portuguese codes people hold: NUTS, CAE Rev. 3, CPP/2010, district numbers.
write("codes_portuguese.csv", rows(",", [H,
    ["2025-07", "PT150", "I55", "5131", "10", "5", "2", "1"],
    ["2025-07", "PT-08", "56101", "5131", "10", "5", "2", "1"],
    ["2025-07", "PT-08", "I55", "5131.0", "10", "5", "2", "1"],
    ["2025-07", "PT-08", "I55", "513101", "10", "5", "2", "1"],
    ["2025-07", "PT1C", "A01", "6111", "10", "5", "2", "1"],
    ["2025-07", "08", "I56", "9412", "10", "5", "2", "1"],
    ["2025-07", "PT-08", "I56", "9412", "10", "5", "2", "1"]]).encode("utf-8"))

# 11. The same record twice: the repeat cites the line of the first.
write("duplicate_rows.csv", rows(",", [H,
    ["2025-07", "PT-08", "I55", "5131", "10", "5", "2", "1"],
    ["2025-07", "PT-08", "I55", "5132", "10", "5", "2", "1"],
    ["2025-07", "PT-08", "I55", "5131", "11", "6", "3", "1"]]).encode("utf-8"))

# 12. A header in other words (Portuguese column names).
write("header_portuguese.csv", rows(";", [["mês", "região", "setor", "profissão", "candidatos", "vagas", "novas", "colocações"],
                                          ["2025-07", "PT-08", "I55", "5131", "10", "5", "2", "1"]]).encode("utf-8"))

# 13. pandas' JSON: whole numbers written 120.0 once a column has a gap.
write("pandas_integral.json", (
    '{"format": "vagas.labour_market", "version": 1,\n'
    ' "dimensions": {"month": ["2025-07"], "region": ["PT-08"], "sector": ["I55"], "occupation": ["5131", "9412"]},\n'
    ' "records": {"month": [0, 0], "region": [0, 0], "sector": [0, 0], "occupation": [0, 1],\n'
    '  "jobseekers": [120.0, 80.0], "vacancies_open": [30.0, null], "vacancies_new": [12.0, 10.0], "placements": [5.0, 4.0]}}\n'
).encode("utf-8"))
