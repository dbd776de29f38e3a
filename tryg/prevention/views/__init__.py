"""Pages of youth-to-youth dialogue: sessions (list, month calendar, planning, counts, slips, statistics),
facilitators and topics for the coordinator, a facilitator's own sessions, and the public evaluation."""
