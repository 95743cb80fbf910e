"""Case 7 (and the symlink part of case 8): a file that cannot be read, named on the command line
or met in a folder, is one line naming it with the reason; the others load; exit 1. Nothing
blocks (a FIFO is not waited on) and nothing is skipped without a word (symlink loops)."""
from __future__ import annotations

import os
import socket

from testkit import error_lines, govkg, write_text_report


def unreadable_files(folder):
    """Files root cannot read either: a FIFO, a socket, a dangling symlink, a symlink loop."""
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "fifo.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.txt"))
    sock.close()
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    names = ["fifo.txt", "socket.txt", "dangling.txt", "loop-a.txt", "loop-b.txt"]
    if os.geteuid() != 0:           # permissions stop everyone but root
        locked = write_text_report(folder / "locked.txt")
        locked.chmod(0)
        names.append("locked.txt")
    return names


def test_unreadable_files_named_on_the_command_line(tmp_path, stored_docs):
    names = unreadable_files(tmp_path / "bad")
    good = write_text_report(tmp_path / "good.txt")
    result = govkg("load", good, *(tmp_path / "bad" / n for n in names), "--store", tmp_path / "store",
                   timeout=120)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Usage" not in result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == len(names), result.stderr
    for name in names:
        assert sum(name in line for line in errors) == 1, (name, result.stderr)
    assert stored_docs(tmp_path / "store") == ["good.txt"]


def test_unreadable_files_in_a_folder_are_named_not_skipped_silently(tmp_path, stored_docs):
    names = unreadable_files(tmp_path / "bad")
    write_text_report(tmp_path / "bad" / "good.txt")
    result = govkg("load", tmp_path / "bad", "--store", tmp_path / "store", timeout=120)
    assert result.returncode == 1, result.stderr
    reported = [line for line in result.stderr.splitlines() if line.startswith(("error:", "skipped:"))]
    for name in names:
        assert sum(name in line for line in reported) == 1, (name, result.stderr)
    assert stored_docs(tmp_path / "store") == ["good.txt"]
