"""The domain, standard library only: records, the mutation API and change sets."""

from laneway.model.bulk import MapBuilder, map_from_records
from laneway.model.changes import Change, ChangeSet
from laneway.model.dictform import excerpt, map_from_dict, map_to_dict
from laneway.model.entities import (
    DEPARTMENT_PALETTE,
    EMOTION_MAX,
    EMOTION_MIN,
    PERSONA_PALETTE,
    Definition,
    Department,
    Link,
    MapInfo,
    Note,
    Persona,
    Stage,
    Step,
)
from laneway.model.journey import JourneyMap, ModelError, OutsideTransactionError, name_key
from laneway.model.terms import Citation, cited_terms, term_key

__all__ = [
    "DEPARTMENT_PALETTE",
    "EMOTION_MAX",
    "EMOTION_MIN",
    "PERSONA_PALETTE",
    "Change",
    "ChangeSet",
    "Citation",
    "Definition",
    "Department",
    "JourneyMap",
    "Link",
    "MapBuilder",
    "MapInfo",
    "ModelError",
    "Note",
    "OutsideTransactionError",
    "Persona",
    "Stage",
    "Step",
    "cited_terms",
    "excerpt",
    "map_from_dict",
    "map_from_records",
    "map_to_dict",
    "name_key",
    "term_key",
]
