"""The version details Windows shows in a program's Properties (and that software inventories
such as Intune and SCCM read), built from the app's own version number."""

from __future__ import annotations

import re

COMPANY = "Lasting Home Desktop"
PRODUCT = "Lasting Home"
DESCRIPTION = "Lasting Home: a child's Lasting Home, made together with their social worker"


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """Version "0.1.0" -> (0, 1, 0, 0); Windows wants four numbers of at most 65535 each."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:4]]
    if not numbers or any(number > 0xFFFF for number in numbers):
        raise ValueError(f"Windows cannot show version {version!r}: use up to four numbers.")
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def for_version(version: str):  # -> PyInstaller's VSVersionInfo (it imports pefile: Windows only)
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = version_numbers(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": "lasting-home",
        "LegalCopyright": "MIT licence; see licences in the installed folder",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    # 0809: English (United Kingdom); 04B0 (1200): Unicode.
    table = StringTable("080904B0", [StringStruct(key, value) for key, value in strings.items()])
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[StringFileInfo([table]), VarFileInfo([VarStruct("Translation", [0x0809, 1200])])],
    )
