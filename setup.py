"""Builds and installs the crossalign Python package.

    pip install --no-build-isolation .

builds the extension crossalign._crossalign with CMake (the library and the
binding, against Debian's pybind11) and installs it with the package's
Python files (python/crossalign/). Nothing is downloaded: the build needs
the packages scripts/setup.sh installs.

Environment:
  CROSSALIGN_CMAKE_BUILD_DIR   the CMake build folder (default
                               build/python-package/cmake in the source tree)
  CROSSALIGN_CMAKE_ARGS        more arguments for the CMake configure step
  CMAKE_CXX_COMPILER_LAUNCHER  honoured by CMake as usual (ccache)
"""

import os
import shlex
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))


def project_version():
    """The version of the top-level CMakeLists.txt's project() call."""
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("project(crossalign VERSION "):
                return line.split()[2]
    raise RuntimeError("CMakeLists.txt has no project(crossalign VERSION ...) line")


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    """Configures the project with CROSSALIGN_PYTHON=ON and builds _crossalign."""

    def build_extension(self, ext):
        build_dir = os.environ.get("CROSSALIGN_CMAKE_BUILD_DIR") or os.path.join(
            ROOT, "build", "python-package", "cmake")
        configure = [
            "cmake", "-S", ROOT, "-B", build_dir,
            "-DCMAKE_BUILD_TYPE=Release",
            "-DCROSSALIGN_PYTHON=ON",
            "-DCROSSALIGN_BUILD_TESTS=OFF",
            "-DCROSSALIGN_BUILD_TOOLS=OFF",
            "-DCROSSALIGN_BUILD_BENCH=OFF",
            f"-DPython3_EXECUTABLE={sys.executable}",
        ] + shlex.split(os.environ.get("CROSSALIGN_CMAKE_ARGS", ""))
        subprocess.run(configure, check=True)
        subprocess.run(["cmake", "--build", build_dir, "--target", "_crossalign",
                        "-j", str(os.cpu_count() or 1)], check=True)
        package_dir = os.path.join(build_dir, "python", "crossalign")
        built = [f for f in os.listdir(package_dir)
                 if f.startswith("_crossalign") and f.endswith(".so")]
        if len(built) != 1:
            raise RuntimeError(f"expected one _crossalign*.so in {package_dir}, found {built}")
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(package_dir, built[0]), target)


setup(
    name="crossalign",
    version=project_version(),
    description="Align the sentences of news articles across outlets and languages; "
                "read and write TMX",
    license="Apache-2.0",
    python_requires=">=3.7",
    packages=["crossalign"],
    package_dir={"": "python"},
    package_data={"crossalign": ["py.typed", "*.pyi"]},
    ext_modules=[CMakeExtension("crossalign._crossalign")],
    cmdclass={"build_ext": CMakeBuild},
    extras_require={"pandas": ["pandas"]},
    zip_safe=False,
    options={"build": {"build_base": os.environ.get(
        "CROSSALIGN_SETUPTOOLS_BUILD_DIR", os.path.join("build", "python-package"))}},
)
