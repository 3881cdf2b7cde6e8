"""Custom Rasa NLU graph components, named by module path in config.yml."""
