"""Runs first in the bundled app: when the bundle carries eSpeak NG (the Linux bundle does), the
app's usual search for the `espeak-ng` program (ui/together/voices.py looks on PATH) finds the
bundled one, with its own English voice data.

Only this folder inside the installed app is added, ahead of the rest of PATH: it holds the one
program, and an installed app's folder is writable by administrators only. The bundled program
needs the libraries beside it, which the bundle's launcher already puts first for the programs
it starts (LD_LIBRARY_PATH). Without a bundled voice (the Windows bundle, which speaks with
Windows' own voices), nothing changes.
"""

import os
import sys


def use_bundled_voice(bundle: str, environ: "os._Environ[str] | dict[str, str]") -> bool:
    folder = os.path.join(bundle, "espeak-ng")
    program = os.path.join(folder, "espeak-ng.exe" if os.name == "nt" else "espeak-ng")
    if not os.path.isfile(program):
        return False
    environ["PATH"] = folder + os.pathsep + environ.get("PATH", "")
    # eSpeak NG reads its data from $ESPEAK_DATA_PATH/espeak-ng-data.
    environ["ESPEAK_DATA_PATH"] = folder
    return True


if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
    use_bundled_voice(sys._MEIPASS, os.environ)
