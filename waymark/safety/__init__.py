"""Safety rules shared by the NLU pipeline, the gateway and the actions."""
