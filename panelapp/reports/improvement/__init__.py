"""Parts of the improvement report (개선 보고서); the entry point is panelapp/reports/improvement_report.py."""
