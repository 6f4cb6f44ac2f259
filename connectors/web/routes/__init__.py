"""Thin routes: each translates HTTP to a call on the engine or the store and back."""
