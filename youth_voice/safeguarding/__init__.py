"""Safeguarding: free-text answers screened against a local rule set, flagged answers hidden from
general views, the safeguarding lead alerted at once, escalation when nobody acknowledges, and an
append-only audit. Nothing leaves the server except the configured mail relay. See docs/safeguarding.md.
"""
