"""The inspection schedule's calendar views: month grid, week timeline, shared block style."""
