"""Users, clinics and roles: who may see which client."""
