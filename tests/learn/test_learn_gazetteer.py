"""The gazetteer: training names as tagger features, never a report's own names in training."""
import json


from govkg.learn.gazetteer import Gazetteer, jackknife, with_tags
from govkg.learn.model import load_model


def test_a_name_takes_the_type_most_reports_give_it():
    g = Gazetteer.of([("a", [("河长制", "Program")]), ("b", [("河长制", "Initiative")]),
                      ("c", [("河长制", "Initiative"), ("河长制", "Initiative")]), ("d", [("县", "Place")])])
    assert g.names == {"河长制": "Initiative"}          # one-character names are left out


def test_tags_mark_the_longest_name():
    g = Gazetteer({"乡村振兴": "Initiative", "乡村振兴战略": "Program", "国务院": "Organization"})
    tags = g.tags("国务院部署乡村振兴战略")
    assert tags[:3] == ["B-Organization", "I-Organization", "I-Organization"]
    assert tags[5:] == ["B-Program"] + ["I-Program"] * 5
    assert tags[3:5] == ["O", "O"]


def test_jackknife_never_shows_a_report_its_own_names():
    names_of = {f"r{i}": [(f"只在报告{i}里的名称", "Program"), ("国务院", "Organization")] for i in range(7)}
    held_out = jackknife(list(names_of), names_of)
    for doc, gazetteer in held_out.items():
        assert f"只在报告{doc[1:]}里的名称" not in gazetteer.names
        assert gazetteer.names["国务院"] == "Organization"


def test_with_tags_adds_the_tag_and_its_neighbours():
    rows = with_tags([["c=国"], ["c=务"]], ["B-Organization", "I-Organization"])
    assert rows[0] == ["c=国", "g=B-Organization", "g-1=^", "g+1=I-Organization"]
    assert rows[1][-1] == "g+1=$"


def test_the_model_keeps_its_training_names(sample_model, sample_gold):
    names = json.loads((sample_model / "names.json").read_text(encoding="utf-8"))
    taught = {e["name"] for line in sample_gold.read_text(encoding="utf-8").splitlines()
              for e in json.loads(line)["entities"] if len(e["name"]) >= 2}
    assert taught and set(names) == taught
    assert load_model(sample_model).gazetteer.names == names


def test_a_model_without_names_loads(sample_model, tmp_path):
    import shutil

    copy = tmp_path / "old-model"
    shutil.copytree(sample_model, copy)
    (copy / "names.json").unlink()
    assert load_model(copy).gazetteer is None
