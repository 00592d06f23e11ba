"""Making sense of free text: theme coding, suggested themes, quotes and their redaction."""
