"""Corroborate: align claims across reports, count independent support, flag contradictions, build the timeline."""
