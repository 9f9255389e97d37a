"""Renderers of an :class:`~corroborator.api.Analysis`: the JSON report contract and Markdown."""
