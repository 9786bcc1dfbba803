"""People: the user (signed in by email), teams and who manages them, each practitioner's
registration with their regulator, roles (`permissions`), sign-in with a second factor
for managers and administrators, password reset and lockout.

Above core only; other apps use it through `accounts.api`.
"""
