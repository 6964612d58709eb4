"""schemathesis hooks: how to generate an `application/zip` body (random bytes, or a small archive) and an xlsx
workbook body (random bytes, or a small archive with workbook-like entries)."""
import io
import zipfile

import schemathesis
from hypothesis import strategies as st


def archive(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buffer.getvalue()


zips = st.one_of(
    st.binary(max_size=2048),
    st.dictionaries(st.sampled_from(["assessment.yaml", "evidence/a.md", "plan.yaml", "../x", "a/../../b"]),
                    st.binary(max_size=512), max_size=3).map(archive),
)
schemathesis.openapi.media_type("application/zip", zips)

workbooks = st.one_of(
    st.binary(max_size=2048),
    st.dictionaries(st.sampled_from(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                     "xl/sharedStrings.xml", "../x"]),
                    st.binary(max_size=512), max_size=4).map(archive),
)
schemathesis.openapi.media_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbooks)
