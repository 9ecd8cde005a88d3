"""The organization, its departments, facilities and facility types."""
