"""Transports: they translate to and from the core, nothing else."""
