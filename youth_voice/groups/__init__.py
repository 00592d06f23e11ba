"""Group responses: a forum or an event's one response, speaking for N young people.

A group answers each question either with tallies ("Yes 14, No 6", `GroupTally` rows) or with
one agreed answer (ordinary answer rows on its own response). Summaries and exports show groups
beside individuals and never fold one into the other (docs/group-responses.md).
"""
