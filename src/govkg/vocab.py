"""The govkg vocabulary, GENERATED from ontology/*.ttl by govkg.vocab_build: do not edit."""
from rdflib import Namespace, URIRef

GK = Namespace("https://w3id.org/govkg/ontology#")
THEME = Namespace("https://w3id.org/govkg/theme/")
ID = Namespace("https://w3id.org/govkg/id/")

Document = URIRef("https://w3id.org/govkg/ontology#Document")
Entity = URIRef("https://w3id.org/govkg/ontology#Entity")
Initiative = URIRef("https://w3id.org/govkg/ontology#Initiative")
Mention = URIRef("https://w3id.org/govkg/ontology#Mention")
Metric = URIRef("https://w3id.org/govkg/ontology#Metric")
Organization = URIRef("https://w3id.org/govkg/ontology#Organization")
Person = URIRef("https://w3id.org/govkg/ontology#Person")
Place = URIRef("https://w3id.org/govkg/ontology#Place")
Program = URIRef("https://w3id.org/govkg/ontology#Program")
RelationAssertion = URIRef("https://w3id.org/govkg/ontology#RelationAssertion")
Report = URIRef("https://w3id.org/govkg/ontology#Report")
Section = URIRef("https://w3id.org/govkg/ontology#Section")
Statement = URIRef("https://w3id.org/govkg/ontology#Statement")
Theme = URIRef("https://w3id.org/govkg/ontology#Theme")
author = URIRef("https://w3id.org/govkg/ontology#author")
byUnknownAuthor = URIRef("https://w3id.org/govkg/ontology#byUnknownAuthor")
cooperatesWith = URIRef("https://w3id.org/govkg/ontology#cooperatesWith")
counted = URIRef("https://w3id.org/govkg/ontology#counted")
docName = URIRef("https://w3id.org/govkg/ontology#docName")
end = URIRef("https://w3id.org/govkg/ontology#end")
entityType = URIRef("https://w3id.org/govkg/ontology#entityType")
establishes = URIRef("https://w3id.org/govkg/ontology#establishes")
evidence = URIRef("https://w3id.org/govkg/ontology#evidence")
format = URIRef("https://w3id.org/govkg/ontology#format")
hasTheme = URIRef("https://w3id.org/govkg/ontology#hasTheme")
implements = URIRef("https://w3id.org/govkg/ontology#implements")
inReport = URIRef("https://w3id.org/govkg/ontology#inReport")
inSection = URIRef("https://w3id.org/govkg/ontology#inSection")
inStatement = URIRef("https://w3id.org/govkg/ontology#inStatement")
isAuthor = URIRef("https://w3id.org/govkg/ontology#isAuthor")
isHeading = URIRef("https://w3id.org/govkg/ontology#isHeading")
issuerKnown = URIRef("https://w3id.org/govkg/ontology#issuerKnown")
issues = URIRef("https://w3id.org/govkg/ontology#issues")
kind = URIRef("https://w3id.org/govkg/ontology#kind")
leads = URIRef("https://w3id.org/govkg/ontology#leads")
level = URIRef("https://w3id.org/govkg/ontology#level")
locatedIn = URIRef("https://w3id.org/govkg/ontology#locatedIn")
masked = URIRef("https://w3id.org/govkg/ontology#masked")
mentionOf = URIRef("https://w3id.org/govkg/ontology#mentionOf")
mentionedIn = URIRef("https://w3id.org/govkg/ontology#mentionedIn")
metricOf = URIRef("https://w3id.org/govkg/ontology#metricOf")
parentSection = URIRef("https://w3id.org/govkg/ontology#parentSection")
partOf = URIRef("https://w3id.org/govkg/ontology#partOf")
participatesIn = URIRef("https://w3id.org/govkg/ontology#participatesIn")
relationType = URIRef("https://w3id.org/govkg/ontology#relationType")
reportedBy = URIRef("https://w3id.org/govkg/ontology#reportedBy")
reportedYear = URIRef("https://w3id.org/govkg/ontology#reportedYear")
scope = URIRef("https://w3id.org/govkg/ontology#scope")
sectionPath = URIRef("https://w3id.org/govkg/ontology#sectionPath")
sha256 = URIRef("https://w3id.org/govkg/ontology#sha256")
start = URIRef("https://w3id.org/govkg/ontology#start")
text = URIRef("https://w3id.org/govkg/ontology#text")
title = URIRef("https://w3id.org/govkg/ontology#title")
touchesTheme = URIRef("https://w3id.org/govkg/ontology#touchesTheme")
unit = URIRef("https://w3id.org/govkg/ontology#unit")
value = URIRef("https://w3id.org/govkg/ontology#value")
valueText = URIRef("https://w3id.org/govkg/ontology#valueText")
year = URIRef("https://w3id.org/govkg/ontology#year")

ENTITY_CLASSES = {
    "Document": Document,
    "Initiative": Initiative,
    "Organization": Organization,
    "Person": Person,
    "Place": Place,
    "Program": Program,
}

RELATION_PROPERTIES = {
    "COOPERATES_WITH": cooperatesWith,
    "ESTABLISHES": establishes,
    "IMPLEMENTS": implements,
    "ISSUES": issues,
    "LEADS": leads,
    "LOCATED_IN": locatedIn,
    "PARTICIPATES_IN": participatesIn,
    "PART_OF": partOf,
    "REPORTED_BY": reportedBy,
}

THEMES = (
    "cadre_management",
    "conduct_integrity",
    "defense_foreign",
    "ecology",
    "economy",
    "fiscal_finance",
    "grassroots_governance",
    "ideology_culture",
    "infrastructure",
    "party_building",
    "public_health",
    "reform_opening",
    "rule_of_law",
    "rural_revitalization",
    "science_education",
    "social_welfare",
    "talent",
    "village_governance",
    "work_safety",
)

# The prefixes every govkg SPARQL query may use without declaring them.
PREFIXES = {
    "gk": "https://w3id.org/govkg/ontology#",
    "gkt": "https://w3id.org/govkg/theme/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
SPARQL_PREFIXES = "".join(f"PREFIX {name}: <{namespace}>\n" for name, namespace in PREFIXES.items())
