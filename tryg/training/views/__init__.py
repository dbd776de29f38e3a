"""Pages of upskilling: courses and their dates (courses.py); enrolment, the waiting list, attendance,
certificates, one's own training, coverage and the units' training managers (enrolment.py)."""
