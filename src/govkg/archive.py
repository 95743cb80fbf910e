"""A .zip archive of reports (as bundles of reports are downloaded) taken out into a folder that
`govkg load` reads: its report files (and a govkg-metadata.csv) with their folders, nothing else.

Names written in GBK without the archive saying so (Windows' zip tools in Chinese) are read as
GBK, not as the cp437 the zip standard falls back to; a member whose path would leave the folder
(``../``, an absolute path) is left out, and so are hidden files, other file types and members
larger than any report. What the archive holds is checked before anything is written.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath

from govkg.errors import ReportError
from govkg.read import SUPPORTED_SUFFIXES
from govkg.read.sidecar import SIDECAR_NAME
from govkg.unpack import Unpacked, write_files

__all__ = ["unpack_archive"]

_MAX_MEMBER = 512 * 1024 * 1024
_UTF8_NAME = 0x800          # the flag that says a member's name is UTF-8


def unpack_archive(archive: Path, folder: Path, force: bool = False) -> Unpacked:
    """Take the report files of ``archive`` out into ``folder`` (see the module)."""
    try:
        package = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as err:
        raise ReportError(archive, f"not a readable zip archive ({err})") from None
    result = Unpacked()
    files: list[tuple[str, bytes, str]] = []
    left_out: list[str] = []
    with package:
        for info in package.infolist():
            name = _name(info)
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if info.is_dir():
                continue
            if not parts or name.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
                result.notes.append(f"{name}: a path outside the folder, left out")
            elif any(part.startswith(".") or part == "__MACOSX" for part in parts):
                continue
            elif PurePosixPath(name).suffix.lower() not in SUPPORTED_SUFFIXES and parts[-1] != SIDECAR_NAME:
                left_out.append(name)
            elif info.file_size > _MAX_MEMBER:
                result.notes.append(f"{name}: larger than {_MAX_MEMBER >> 20} MB, left out")
            else:
                files.append(("/".join(parts), _read(archive, package, info, name), f"{name} of the archive"))
    if left_out:
        result.notes.append(f"{len(left_out)} files that are not reports left out (e.g. {left_out[0]})")
    if not files:
        raise ReportError(archive, "the archive holds no report files")
    write_files(folder, files, force, result)
    return result


def _name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker wrote it: UTF-8 or GBK where the archive does not say."""
    if info.flag_bits & _UTF8_NAME:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _read(archive: Path, package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    try:
        return package.read(info)
    except RuntimeError as err:          # zipfile's word for a password
        raise ReportError(archive, f"{name} is encrypted ({err}); extract it with its password and load "
                                   "the folder") from None
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError) as err:
        raise ReportError(archive, f"{name} cannot be read from the archive ({err})") from None
