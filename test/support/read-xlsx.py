"""Reads an XLSX with openpyxl (not the library that wrote it) and prints what Excel would see, as JSON."""
import datetime
import json
import sys

import openpyxl


def cell(c):
    value = c.value
    if isinstance(value, datetime.datetime):
        value = value.isoformat()
    return {"value": value, "type": c.data_type, "format": c.number_format}


workbook = openpyxl.load_workbook(sys.argv[1])
sheets = []
for ws in workbook.worksheets:
    sheets.append({
        "title": ws.title,
        "rows": [[cell(c) for c in row] for row in ws.iter_rows()],
        "freezePanes": ws.freeze_panes,
        "autoFilter": ws.auto_filter.ref,
        "printTitleRows": ws.print_title_rows,
        "paperSize": ws.page_setup.paperSize,
        "orientation": ws.page_setup.orientation,
        "fitToWidth": ws.page_setup.fitToWidth,
    })
json.dump(sheets, sys.stdout)
