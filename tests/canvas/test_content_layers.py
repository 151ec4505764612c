"""The scene's journey content: captions of cited terms, persona dimming, note markers
that follow their cards, and the emotion band's room above the lanes."""

from __future__ import annotations

from laneway.canvas import JourneyScene
from laneway.canvas.link_item import caption_text
from tests.conftest import build_map


def _scene():
    journey = build_map(
        steps=(("Reads blog", "Marketing", "Awareness"), ("Qualify lead", "Sales", "Purchase")),
        links=(("Reads blog", "Qualify lead"),),
    )
    return journey, JourneyScene(journey)


def _edit(journey, scene, change) -> None:
    with journey.record("Edit") as recording:
        change(journey)
    scene.reconcile(recording.changeset)


def test_a_caption_shows_cited_terms_without_brackets():
    assert caption_text("Once an [[MQL]] and [[ SQL ]] agree") == (
        "Once an MQL and  SQL  agree",
        [(8, 11), (16, 21)],
    )
    assert caption_text("No citation [[ ]]") == ("No citation [[ ]]", [])


def test_dimming_follows_the_persona_filter_and_the_steps(qapp):
    journey, scene = _scene()
    _blog, lead = (s.id for s in journey.steps.values())
    buyer = journey.add_persona("Buyer")
    user = journey.add_persona("User")
    _edit(journey, scene, lambda j: j.update_step(lead, personas=(buyer.id,)))
    scene.content.set_persona(user.id)
    assert scene.content.dimmed_step_ids() == {lead}
    _edit(journey, scene, lambda j: j.update_step(lead, personas=()))  # now about everyone
    assert scene.content.dimmed_step_ids() == set()
    assert scene.step_item(lead).opacity() == 1.0
    _edit(journey, scene, lambda j: j.remove_persona(user.id))
    assert scene.content.persona_id is None


def test_a_note_marker_follows_its_card_and_goes_with_the_note(qapp):
    journey, scene = _scene()
    _blog, lead = (s.id for s in journey.steps.values())
    _edit(journey, scene, lambda j: j.add_note("Who calls back?", step_id=lead))
    (marker,) = scene.content.marks.markers
    card = scene.step_item(lead).sceneBoundingRect()
    assert card.left() < marker.at[0] < card.right()
    marketing = journey.department_by_name("Marketing").id
    _edit(journey, scene, lambda j: j.update_step(lead, department_id=marketing))
    (moved,) = scene.content.marks.markers
    assert moved.at != marker.at
    assert scene.step_item(lead).sceneBoundingRect().contains(moved.at[0], moved.at[1] + 1)
    note = next(iter(journey.notes))
    _edit(journey, scene, lambda j: j.resolve_note(note))
    assert scene.content.marks.markers == []


def test_the_band_makes_room_above_the_lanes(qapp):
    _journey, scene = _scene()
    top = scene.sceneRect().top()
    scene.content.set_curve_visible(True)
    assert scene.sceneRect().top() < top - 100
    assert scene.content.band.sceneBoundingRect().bottom() <= 0
    scene.content.set_curve_visible(False)
    assert scene.sceneRect().top() == top
