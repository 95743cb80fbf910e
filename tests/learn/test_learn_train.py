"""Training: a model learns what it was taught, the same gold gives the same files, and the
trained model plugs into extract/load through ``--model``."""
import hashlib
import os

import pytest

from govkg.extract import extract
from govkg.learn.examples import load_first_and_rest
from govkg.learn.model import load_model
from govkg.learn.gazetteer import Gazetteer
from govkg.learn.train import _repeated, _tagger_rows, featurize, taught_rows, train_model
from govkg.read import read_report


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_model_folder_has_every_part(sample_model):
    names = {p.name for p in sample_model.iterdir()}
    assert {"mentions.crfsuite", "mentions.npz", "mentions.json", "relations.npz", "relations.json",
            "themes.npz", "themes.json", "model.json", "names.json"} <= names
    assert not [p for p in sample_model.parent.iterdir() if p.name.startswith(".")]   # no staging left
    assert sample_model.stat().st_mode & 0o777 == 0o777 & ~_umask()      # as mkdir makes it, not private


def test_same_gold_same_model(sample_model, tmp_path, sample_gold, examples_dir):
    again = tmp_path / "again"
    train_model(sample_gold, again, examples_dir)
    assert _digests(again) == _digests(sample_model)


@pytest.fixture(scope="module")
def taught(sample_model, examples_dir):
    report = read_report(next(examples_dir.glob("*.txt")))
    return extract(report, str(sample_model))


@pytest.mark.parametrize("type_, name", [
    ("Organization", "华禾有机食品有限公司"),
    ("Organization", "县委组织部"),
    ("Document", "中华人民共和国乡村振兴促进法"),
    ("Program", "有机杂粮精深加工项目"),
])
def test_extracts_what_it_was_taught(taught, type_, name):
    assert (type_, name) in {(e.type, e.name) for e in taught.entities}


def test_taught_themes(taught):
    themed = next(st for st in taught.statements if st.text.startswith("在县委组织部统筹指导下"))
    assert "village_governance" in themed.themes


def test_taught_relation(taught):
    names = {e.id: e.name for e in taught.entities}
    rels = {(names[r.head], r.type, names[r.tail]) for r in taught.relations}
    assert ("县委组织部", "LEADS", "村“两委”换届") in rels


@pytest.mark.parametrize("weight", [1, 2, 3])
def test_the_first_gold_is_taught_first_gold_weight_times(two_golds, examples_dir, weight):
    data = featurize([ex for part in load_first_and_rest(*two_golds[:2], examples_dir) for ex in part])
    taught = taught_rows(data, weight)
    assert [sum(row is d for row in taught) for d in data] == [weight] * 5 + [1] * 3


@pytest.mark.parametrize("weight", [1, 3])
def test_the_tagger_learns_a_repeated_statement_as_often_and_tags_it_once(
        two_golds, examples_dir, tmp_path, weight, monkeypatch):
    data = featurize([ex for part in load_first_and_rest(*two_golds[:2], examples_dir) for ex in part])
    tagged = []
    real_tags = Gazetteer.tags
    monkeypatch.setattr(Gazetteer, "tags", lambda self, text: tagged.append(text) or real_tags(self, text))
    kept, rows = _tagger_rows(data, tmp_path, True)
    assert len(_repeated(kept, rows, weight)) == 5 * weight + 3
    assert sorted(tagged) == sorted(d.text for d in data)


def test_training_counts_the_first_of_two_golds_twice(two_golds, examples_dir, tmp_path):
    models = {weight: tmp_path / f"weight{weight}" for weight in (1, 2)}
    for weight, folder in models.items():
        info = train_model(two_golds[:2], folder, examples_dir, {"first_gold_weight": weight})
        assert (info["statements"], info["first_gold_weight"]) == (8, weight)
    assert _digests(models[1])["mentions.crfsuite"] != _digests(models[2])["mentions.crfsuite"]


def test_model_loads_its_settings(sample_model):
    model = load_model(sample_model)
    assert model.settings["statements"] == 8 and model.relations and model.themes


def test_a_model_without_rule_features_is_trained_on_features_without_them(tmp_path, sample_gold, examples_dir):
    """Trained with the rules' tags while extraction gives it none, the model alone would miss names."""
    import pycrfsuite

    out = train_model(sample_gold, tmp_path / "alone", examples_dir, {"rule_features": False})
    assert out["rule_features"] is False
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp_path / "alone" / "mentions.crfsuite"))
    attributes = {attr for (attr, _label) in tagger.info().state_features}
    assert not any(a.startswith("r=B-") or a.startswith("r=I-") for a in attributes)


def test_one_report_gives_no_second_theme_pass(sample_model):
    """The second theme classifier learns from probabilities of a model that never saw the
    statement's report: with one report there is no such model."""
    assert not (sample_model / "themes_context.json").exists()
    assert load_model(sample_model).settings["theme_stack"] == 0


def test_the_second_theme_pass_reads_the_neighbours_first_pass(small_gold, corpus, tmp_path):
    settings = train_model(small_gold(40), tmp_path / "m", corpus)
    model = load_model(tmp_path / "m")
    assert settings["theme_stack"] == 2 and model.themes_context is not None
    learned = set(model.themes_context.vocabulary)
    assert {"p1p=", "n1p=", "p2p=", "n2p="} <= {f[:4] for f in learned}
    assert not any(f[:4] in {"p3p=", "n3p="} for f in learned)
    assert set(model.themes.vocabulary) <= learned            # the first pass's own features stay


def test_a_second_theme_pass_can_be_turned_off(small_gold, corpus, tmp_path):
    settings = train_model(small_gold(10), tmp_path / "m", corpus, {"theme_stack": 0})
    assert settings["theme_stack"] == 0 and not (tmp_path / "m" / "themes_context.json").exists()


def _settings_read_in(module) -> set[str]:
    import ast
    import inspect

    keys = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
                and node.value.id in ("settings", "DEFAULT_SETTINGS") and isinstance(node.slice, ast.Constant)):
            keys.add(node.slice.value)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            keys.add(node.args[0].value)
    return keys


def test_training_settings_are_the_settings_training_reads():
    # a kept fold model (govkg eval --cv --fold-models) is reused only while these match; a
    # training setting missing from the list would let a changed value reuse a stale model
    import govkg.learn.train as training
    from govkg.learn.model import DEFAULT_SETTINGS, TRAINING_SETTINGS

    read = _settings_read_in(training) & set(DEFAULT_SETTINGS)
    assert read == TRAINING_SETTINGS


def _failing_tagger(sequences, path, params=None):
    raise ValueError("no labels")


def test_a_tagger_that_fails_in_its_process_fails_training_and_leaves_no_model(
        tmp_path, sample_gold, examples_dir, monkeypatch):
    import govkg.learn.train as train_module

    monkeypatch.setattr(train_module, "train_tagger", _failing_tagger)
    out = tmp_path / "model"
    with pytest.raises(RuntimeError, match="training the mention tagger failed"):
        train_model(sample_gold, out, examples_dir)
    assert not out.exists() and not list(tmp_path.iterdir())


def test_training_without_a_second_process_gives_the_same_model(sample_model, tmp_path, sample_gold,
                                                                 examples_dir, monkeypatch):
    import multiprocessing

    # a daemon process may have no children, so training trains the tagger in its own process
    monkeypatch.setattr(multiprocessing.current_process(), "daemon", True, raising=False)
    inline = tmp_path / "inline"
    train_model(sample_gold, inline, examples_dir)
    assert _digests(inline) == _digests(sample_model)


# -- relation pairs over mentions found in reports the tagger never learned (held_out_pairs) ---------

def test_found_mentions_are_labelled_as_the_scorer_matches_their_names(sample_gold, examples_dir):
    """A found name cut short (放管 for 放管服) still names the gold relation's end; a found name of
    no gold entity gives only NONE."""
    from govkg.learn.examples import load_examples
    from govkg.learn.train import _found_pair_rows
    from govkg.model import Mention

    example = next(ex for ex in load_examples(sample_gold, examples_dir) if ex.statement.start == 625)
    d = featurize([example])[0]
    st = example.statement
    at = st.text.index("放管服")
    short = Mention(st.start + at + 1, st.start + at + 3, "Initiative", "放管")
    assert {label for _, label in _found_pair_rows(d, [short], True)} == {"LEADS"}
    at = st.text.index("政务服务事项")
    stray = Mention(st.start + at, st.start + at + 6, "Initiative", "政务服务事项")
    assert {label for _, label in _found_pair_rows(d, [stray], True)} == {"NONE"}


def test_held_out_pairs_come_from_a_tagger_that_never_saw_the_report(small_gold, corpus, tmp_path):
    from govkg.learn.examples import load_examples
    from govkg.learn.model import DEFAULT_SETTINGS
    from govkg.learn.tagger import bioes_labels
    from govkg.learn.train import held_out_pairs
    from govkg.model import RELATION_TYPES

    data = featurize(load_examples(small_gold(25), corpus))
    kept, rows = _tagger_rows(data, tmp_path, True)
    rows = [(feats, bioes_labels(labels)) for feats, labels in rows]
    settings = {**DEFAULT_SETTINGS, "relation_jackknife": 3, "relation_jackknife_iterations": 10}
    pairs = held_out_pairs(kept, rows, settings)
    labels = [label for _, label in pairs]
    assert set(labels) <= {"NONE", *RELATION_TYPES} and "LEADS" in labels and "NONE" in labels
    assert held_out_pairs(kept, rows, {**settings, "relation_jackknife": 0}) == []
    one_report = [i for i, d in enumerate(kept) if d.doc == kept[0].doc]
    assert held_out_pairs([kept[i] for i in one_report], [rows[i] for i in one_report], settings) == []


def test_a_model_trained_with_held_out_pairs_differs_only_in_its_relations(small_gold, corpus, tmp_path):
    gold, plain, jackknifed = small_gold(25), tmp_path / "plain", tmp_path / "jackknifed"
    train_model(gold, plain, corpus, settings={"crf_iterations": 10, "relation_jackknife": 0})
    info = train_model(gold, jackknifed, corpus, settings={"crf_iterations": 10, "relation_jackknife": 2,
                                                            "relation_jackknife_iterations": 10})
    assert info["relation_jackknife"] == 2
    before, after = _digests(plain), _digests(jackknifed)
    changed = {name for name in before if before[name] != after[name]}
    assert {"relations.npz", "model.json"} <= changed <= {"relations.npz", "relations.json", "model.json"}
