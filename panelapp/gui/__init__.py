"""The Qt GUI: the only package that imports PySide6 widgets; it never imports sqlalchemy."""
