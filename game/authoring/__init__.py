"""Tools for scenario authors, driven by the `new`, `schema`, `strings` and
`simulate --report` commands (game/commands/): the scaffold of a new pack
(`scaffold`), the JSON Schema for editors (`schema`), the translation
spreadsheet round-trip (`translations`) and the balance report (`balance`).
`fields` is the pack format as these tools see it.
"""
