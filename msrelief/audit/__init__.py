"""The audit trail: who read or changed which health data, when and from where."""
