"""The web gateway: survivor widget and WebSocket, Rasa in process, health checks."""
