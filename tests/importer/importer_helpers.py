"""Text shared by importer tests."""

BODY = (
    "The ministry said the talks had been useful and that both sides agreed to keep working on the text of "
    "the agreement in the coming weeks."
)
