"""The scale benchmark: a large generated database and a probe that drives the real main window.

data.py builds (once, cached) 100,000 members, 50,000 inspections, 1,000,000 findings...;
probe.py runs inside an offscreen GUI process and reports what a user waits for;
startup.py measures process start → first page painted with data against a bare window.
"""
