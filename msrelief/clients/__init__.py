"""The client record: a person with MS seen by a clinic."""
