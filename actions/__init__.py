"""Custom actions run by the rasa-sdk action server (`waymark actions`).

Actions may use `directory/` and Waymark's shared safety and i18n helpers, never
`bot/`: the gateway reaches them only over HTTP, through Rasa.
"""
