"""Place data for Frontline and the code that builds it into the runtime artefact."""
