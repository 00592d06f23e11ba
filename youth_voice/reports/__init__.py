"""Board papers for partnership boards: a consultation's record, figures (small counts suppressed),
publishable quotes and recommendations, as HTML, PDF (reportlab) and Word (python-docx)."""
