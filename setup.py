"""Ships the top-level resources/ inside the wheel as panelapp/resources.

The checkout keeps resources/ beside the package (fonts, consent notices, templates);
an installed wheel finds them through panelapp.paths.resource_root().
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithResources(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads resources/ from the checkout
        target = Path(self.build_lib) / "panelapp" / "resources"
        shutil.copytree(Path(__file__).parent / "resources", target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithResources})
