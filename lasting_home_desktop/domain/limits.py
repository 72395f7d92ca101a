"""How long each kind of text may be, each limit named for what it limits. Long enough for
anything real (a Polish double-barrelled name, a partner's full answer), short enough that a
slip of the keyboard (a pasted document) is caught kindly before it reaches a PDF."""

from __future__ import annotations

# On the adults' records.
LONG_TEXT = 10_000  # notes, views, strengths, concerns, answers
ADULT_NAME = 200  # a person's name, role or agency; a place; the chair
CHILD_NAME = 100  # each of the child's own names on their record
CASE_ID = 30  # a case-system person ID
PHOTO_CAPTION = 300

# On the card.
CARD_MESSAGE = 1000
CARD_MESSAGE_LINES = 16
CARD_SIGNER = 80
HOME_NAME = 60

# What a child types in together mode (shorter: their words go on cards and pages).
CHILD_TYPED_NAME = 40  # the name they like, someone they add
CHILD_TYPED_CHOICE = 80  # "somewhere else", "something else"
CHILD_WHY = 1000  # why they feel as they do
CHILD_ANSWER = 3000  # in their own words
CHILD_ADDED_PEOPLE = 20
DRAWING_NAME = 60
