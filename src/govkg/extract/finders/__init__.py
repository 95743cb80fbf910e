"""The mention finders, one module each; ``govkg.extract.mentions`` runs them in this order and
resolves their overlaps.

Each finder is ``find(text, offset, tokens) -> list[Mention]``:

==============  ==========================================================================
documents       《》 titles; “十四五”规划
quoted          “X” with its kind after it, a head noun in it, or a verb of doing before it (``QUOTED``)
headed          a name ending in a head noun, walked left to a boundary; its cascades of named
                rules are in ``specific`` (undertakings, organizations) and ``places`` (by shape)
listed          the items of A、B等工程
named           named strategies without a head noun (健康中国, 简政放权)
places          the gazetteer and masked places (xx县)
bodies          known bodies (党中央, 国务院) and alias words
persons         X同志, a title and a name, X纪念馆
written         (``WRITTEN``, after the tagger) documents without 《》 (制定…条例, 宪法), campaigns
                named by a place (平安北京) and known bodies wherever written (省 发展改革委)
==============  ==========================================================================

Their words and patterns are in ``data/lexicon/mentions.toml`` and the ``*.txt`` lists beside it.
"""
from govkg.extract.finders import bodies, documents, headed, listed, named, persons, places, quoted, written

__all__ = ["FINDERS", "WRITTEN"]

FINDERS = (documents, quoted, headed, listed, named, places, bodies, persons)
# Run by the rules alone, and by the learned model after its tagger (not as the tagger's features).
WRITTEN = (written,)
