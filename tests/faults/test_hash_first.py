"""Case 6: an unchanged file is recognised by its hash before extraction, so reloading a large
unchanged corpus costs reading, not extracting. (Extraction is observed by wrapping the real
function, which still runs.)"""
from __future__ import annotations

import govkg.pipeline as pipeline
from testkit import write_text_report
from govkg.pipeline import load_files
from govkg.store import open_store


def test_unchanged_files_are_not_extracted_again(tmp_path, monkeypatch):
    paths = [write_text_report(tmp_path / f"r{i}.txt") for i in range(3)]
    extracted: list[str] = []
    real = pipeline.extract

    def counting(report, *rest):
        extracted.append(report.doc)
        return real(report, *rest)
    monkeypatch.setattr(pipeline, "extract", counting)

    with open_store(tmp_path / "store") as db:
        assert len(load_files(paths, db).loaded) == 3
        assert len(extracted) == 3
        write_text_report(paths[1], "县民政局牵头推进村务公开工作。")
        again = load_files(paths, db)
    assert again.loaded == ["r1.txt"] and sorted(again.unchanged) == ["r0.txt", "r2.txt"]
    assert extracted[3:] == ["r1.txt"]
