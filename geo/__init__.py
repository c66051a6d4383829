"""Frontline's library: gazetteer, geoparser, claims, control zones and maps. Never imports streamlit."""
