"""Writes hostile xlsx files for Benchmarks/sheets/run.sh: each must be refused with a located
error, quickly and in little memory.

usage: python3 hostile.py OUT_DIR
"""
import os
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
    '<sheet name="Criteria" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
}


def workbook(path, sheet=None, strings=None, stream=None):
    """A one-sheet workbook; `stream` = (part, chunk, count) writes a large part chunk by chunk."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in PARTS.items():
            z.writestr(name, text)
        if sheet is not None:
            z.writestr("xl/worksheets/sheet1.xml", sheet)
        if strings is not None:
            z.writestr("xl/sharedStrings.xml", strings)
        if stream is not None:
            part, head, chunk, count, tail = stream
            with z.open(part, "w", force_zip64=True) as f:
                f.write(head)
                for _ in range(count):
                    f.write(chunk)
                f.write(tail)


def main(out):
    os.makedirs(out, exist_ok=True)
    # 1 GB of zeros in the sheet's part: about 1 MB on disk.
    workbook(os.path.join(out, "zip-bomb.xlsx"), strings="<sst/>",
             stream=("xl/worksheets/sheet1.xml", b"", b"\0" * (1 << 20), 1024, b""))
    # A million rows, a cell each.
    workbook(os.path.join(out, "million-rows.xlsx"), strings="<sst/>",
             stream=("xl/worksheets/sheet1.xml",
                     f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>'.encode(),
                     b"<row><c><v>1</v></c></row>" * 1000, 1000, b"</sheetData></worksheet>"))
    # Billion laughs in the shared strings.
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10))
    workbook(os.path.join(out, "billion-laughs.xlsx"),
             sheet=f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
             strings=f'<?xml version="1.0"?><!DOCTYPE lolz [{lol}]><sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>')


if __name__ == "__main__":
    main(sys.argv[1])
