"""The officer's workspace in the Wagtail admin: their consultations at a glance, starting a new
one, copying one with new dates, and sharing one (link, QR code, poster).

`status` holds the rule that names where a consultation is in its life; `listing` reads every
consultation's row in a fixed number of queries; `creating` starts and copies consultations;
`sharing` makes the short link, the QR codes and the poster's content. `views` and `admin_hooks`
only hand over to them.
"""
