"""독촉 안내문: per-department reminder sheets of overdue and soon-due answers, and sending them
by e-mail through the institution's SMTP server (issue 14 item 9)."""
