"""The practice's data in and out: import clients, export the practice, a client's FHIR record, and the
practice-wide map of where reactions happen."""
