"""Youth forums: their places, their members' own accounts and space, and their events (docs/forums.md)."""
