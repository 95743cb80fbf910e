from pathlib import Path

import pytest

from govkg.learn.examples import Example, GoldEntity
from govkg.learn.tagger import bio_labels, bioes_labels, certain_mentions, decode
from govkg.model import Mention, Statement


def test_longer_gold_name_wins_overlap():
    text = "北山镇甜玉米加工项目"
    ex = Example("d", Statement(0, len(text), text), (GoldEntity("Place", "北山镇", ((0, 3),)),
                                                      GoldEntity("Program", text, ((0, len(text)),))), (), ())
    labels = bio_labels(ex)
    assert labels[0] == "B-Program" and set(labels[1:]) == {"I-Program"}


@pytest.mark.parametrize("labels, expected", [
    (["B-Organization", "I-Organization", "O", "B-Place", "I-Place"], [(10, 12, "Organization"), (13, 15, "Place")]),
    (["I-Initiative", "I-Initiative", "O", "O", "O"], [(10, 12, "Initiative")]),   # an I- opens a mention too
    (["B-Program", "I-Organization", "O", "O", "O"], []),                           # one-character pieces dropped
])
def test_decode(labels, expected):
    found = decode(labels, "县委党校和北京", 10)
    assert [(m.start, m.end, m.type) for m in found] == expected


@pytest.mark.parametrize("text, type_, expected", [
    ("责任单位：市发展改革委", "Organization", (5, 11, "市发展改革委")),    # a label and its colon go
    ("牵头单位:市教育局", "Organization", (5, 9, "市教育局")),
    ("责任单位：", "Organization", None),                                 # nothing left to name
    ("数字中国建设：实施方案", "Document", (0, 11, "数字中国建设：实施方案")),  # a title keeps its colon
])
def test_decode_trims_what_a_colon_ends(text, type_, expected):
    found = decode(["B-" + type_] + ["I-" + type_] * (len(text) - 1), text, 0)
    assert [(m.start, m.end, m.name) for m in found] == ([expected] if expected else [])


def test_decode_trims_quotes():
    text = "“一网通办”"
    assert decode(["B-Initiative"] + ["I-Initiative"] * 5, text, 0) == [Mention(1, 5, "Initiative", "一网通办")]


@pytest.mark.parametrize("bio, bioes", [
    (["B-Organization", "I-Organization", "I-Organization", "O"], ["B-Organization", "I-Organization", "E-Organization", "O"]),
    (["B-Person", "B-Place", "I-Place"], ["S-Person", "B-Place", "E-Place"]),
    (["B-Program", "I-Program", "B-Program", "I-Program"], ["B-Program", "E-Program", "B-Program", "E-Program"]),
    (["O", "O"], ["O", "O"]),
])
def test_bioes_labels(bio, bioes):
    assert bioes_labels(bio) == bioes


@pytest.mark.parametrize("bio", [
    ["B-Organization", "I-Organization", "O", "B-Place", "I-Place", "B-Place", "I-Place"],
    ["I-Initiative", "I-Initiative", "B-Program", "I-Program", "O", "O", "O"],
])
def test_bioes_decodes_like_bio(bio):
    text = "县委党校北京上海"[:len(bio)]
    assert decode(bioes_labels(bio), text, 0) == decode(bio, text, 0)


def _shipped_crf():
    from govkg.resources import data_path

    path = data_path("model") / "mentions.crfsuite"
    if not path.exists():
        pytest.skip("this installation ships no model")
    return path


@pytest.fixture
def crf_alone(tmp_path):
    """The shipped CRF in a folder of its own, without the weights saved beside it at training."""
    import shutil

    return Path(shutil.copy(_shipped_crf(), tmp_path))


def test_the_weights_are_read_as_pycrfsuite_reads_them():
    # the tagger reads the weights saved at training (mentions.npz); they must be crfsuite's own
    import numpy as np
    import pycrfsuite

    from govkg.learn.tagger import Tagger

    path = _shipped_crf()
    ours = Tagger(path)
    reference = pycrfsuite.Tagger()
    reference.open(str(path))
    info = reference.info()
    assert ours.labels == sorted(info.labels, key=lambda label: int(info.labels[label]))
    rows = {attribute: i for i, attribute in enumerate(info.attributes)}
    columns = {label: i for i, label in enumerate(ours.labels)}
    weights = np.zeros_like(ours._weights)
    for (attribute, label), weight in info.state_features.items():
        weights[rows[attribute], columns[label]] = weight
    transitions = np.zeros_like(ours._transitions)
    for (before, after), weight in info.transitions.items():
        transitions[columns[before], columns[after]] = weight
    assert len(info.state_features) > 10_000
    assert np.array_equal(ours._weights, weights) and np.array_equal(ours._transitions, transitions)


@pytest.mark.parametrize("saved", ["none", "stale"])
def test_a_crf_without_its_saved_weights_is_read_from_crfsuite(crf_alone, saved):
    # "none": a folder trained before mentions.npz existed; "stale": the CRF replaced by hand
    import json

    import numpy as np

    from govkg.learn.tagger import Tagger

    path = _shipped_crf()
    if saved == "stale":
        names = json.loads(path.with_name("mentions.json").read_text(encoding="utf-8"))
        (crf_alone.parent / "mentions.json").write_text(json.dumps({**names, "crf_sha256": "0" * 64}), encoding="utf-8")
        np.savez_compressed(crf_alone.parent / "mentions.npz", attribute=np.zeros(0, np.int32), label=np.zeros(0, np.int16),
                            weight=np.zeros(0), transitions=np.zeros((len(names["labels"]),) * 2))
    old, shipped = Tagger(crf_alone), Tagger(path)
    assert old.labels == shipped.labels and old.index.values == shipped.index.values
    assert np.array_equal(old._weights, shipped._weights) and np.array_equal(old._transitions, shipped._transitions)


@pytest.mark.parametrize("saved", [True, False])
def test_loading_closes_no_file_twice(crf_alone, monkeypatch, saved):
    # pycrfsuite's Tagger.dump(filename) closes its file in C and again in Python; in a Dask
    # worker the second close shut another thread's file (EBADF in a fresh worker's first task)
    import errno
    import os

    from govkg.learn.tagger import Tagger

    path = _shipped_crf() if saved else crf_alone
    closes_of_closed, close = [], os.close

    def recording_close(fd):
        try:
            close(fd)
        except OSError as err:
            closes_of_closed.extend([fd] if err.errno == errno.EBADF else [])
            raise

    monkeypatch.setattr(os, "close", recording_close)
    Tagger(path)
    assert closes_of_closed == []


@pytest.mark.parametrize("bar, kept", [(0.0, ["县委组织部", "党建引领"]), (0.5, ["县委组织部"]), (0.95, [])])
def test_a_mention_goes_when_one_of_its_characters_is_uncertain(bar, kept):
    text = "县委组织部开展党建引领"
    mentions = [Mention(100, 105, "Organization", "县委组织部"), Mention(107, 111, "Initiative", "党建引领")]
    certainty = [0.99, 0.98, 0.97, 0.9, 0.9, 0.99, 0.99, 0.8, 0.4, 0.9, 0.9]
    assert len(certainty) == len(text)
    assert [m.name for m in certain_mentions(mentions, certainty, 100, bar)] == kept
