"""Paper and event forms: typed up one at a time in the admin, or imported from a CSV or XLSX file
made from a per-consultation template. Both go through the online form's validation and
`services.submit_response`, so a paper answer is checked, screened and stored like any other.
See docs/paper-responses.md.
"""
