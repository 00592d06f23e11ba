"""Live sessions: votes and comments from phones at an event, shown on a projector as they arrive.

`services` holds every write and read (called by the views and, through database_sync_to_async,
by the consumers); `consumers` and `views` only translate between them and the wire.
"""
