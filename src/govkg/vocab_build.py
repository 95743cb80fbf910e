"""Generate ``govkg/vocab.py`` from ontology/govkg.ttl and ontology/themes.ttl.

    python -m govkg.vocab_build          # rewrite src/govkg/vocab.py
    python -m govkg.vocab_build --check  # exit 1 if vocab.py is out of date

The ontology is the single source of names; tests/test_vocab.py fails when the two disagree.
"""
from __future__ import annotations

import sys
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from govkg.resources import ontology_graph

GK = "https://w3id.org/govkg/ontology#"
THEME = "https://w3id.org/govkg/theme/"
ID = "https://w3id.org/govkg/id/"
TARGET = Path(__file__).with_name("vocab.py")
SPARQL_PREFIXES = {"gk": GK, "gkt": THEME, "rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS), "xsd": str(XSD)}


def _local(term: object) -> str:
    return str(term)[len(GK):]


def render_vocab() -> str:
    onto, themes = ontology_graph("govkg.ttl"), ontology_graph("themes.ttl")
    gk_type, rel_type = URIRef(GK + "entityType"), URIRef(GK + "relationType")
    terms = sorted({_local(s) for s in onto.subjects() if str(s).startswith(GK) and _local(s)})
    entities = sorted((str(o), _local(s)) for s, o in onto.subject_objects(gk_type))
    relations = sorted((str(o), _local(s)) for s, o in onto.subject_objects(rel_type))
    theme_ids = sorted(str(n) for n in themes.objects(None, SKOS.notation))
    lines = [
        '"""The govkg vocabulary, GENERATED from ontology/*.ttl by govkg.vocab_build: do not edit."""',
        "from rdflib import Namespace, URIRef",
        "",
        f'GK = Namespace("{GK}")',
        f'THEME = Namespace("{THEME}")',
        f'ID = Namespace("{ID}")',
        "",
    ]
    lines += [f'{t} = URIRef("{GK}{t}")' for t in terms]
    lines += ["", "ENTITY_CLASSES = {"]
    lines += [f'    "{name}": {local},' for name, local in entities]
    lines += ["}", "", "RELATION_PROPERTIES = {"]
    lines += [f'    "{name}": {local},' for name, local in relations]
    lines += ["}", "", "THEMES = ("]
    lines += [f'    "{t}",' for t in theme_ids]
    lines += [")", "", "# The prefixes every govkg SPARQL query may use without declaring them.", "PREFIXES = {"]
    lines += [f'    "{name}": "{namespace}",' for name, namespace in SPARQL_PREFIXES.items()]
    lines += ["}", 'SPARQL_PREFIXES = "".join(f"PREFIX {name}: <{namespace}>\\n" for name, namespace in PREFIXES.items())', ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    text = render_vocab()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python -m govkg.vocab_build", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
