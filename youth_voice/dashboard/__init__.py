"""The officers' live dashboard: responses arriving on a consultation, without refreshing.

`figures` reads what the page shows, `announce` tells connected dashboards that a response was
stored (after its transaction commits), `consumers` keeps each officer's page up to date over a
websocket, `views` serves the page itself, which works as a plain page without JavaScript.
See docs/live-dashboard.md.
"""
