"""Ids: imported ids are kept; with a site tag new ids are unique per laptop."""

from __future__ import annotations

import pytest

from laneway.model import JourneyMap
from laneway.model.ids import IdAllocator, is_site_tag, new_site_tag


def test_without_a_site_tag_ids_count_up_past_every_id_in_use():
    journey = JourneyMap()
    journey.add_step("imported", step_id="s41")
    journey.add_step("imported", step_id="s7.x9k2p")
    assert journey.add_step("new").id == "s42"


def test_with_a_site_tag_every_new_id_carries_it_and_keeps_counting():
    journey = JourneyMap()
    journey.add_department("Sales")
    journey.add_step("before")
    journey.use_site_tag("k3f9q")
    assert journey.add_step("after").id == "s2.k3f9q"
    journey.add_step("from another laptop", step_id="s12.ab123")
    assert journey.add_step("next").id == "s13.k3f9q"
    assert journey.add_department("Legal").id == "d2.k3f9q"
    assert journey.add_link("s1", "s2.k3f9q").id == "l1.k3f9q"
    assert journey.add_step("kept", step_id="s900").id == "s900"  # imported ids stay


def test_two_laptops_adding_at_once_never_make_the_same_id():
    ana, bo = JourneyMap(), JourneyMap()
    ana.use_site_tag("aaaaa")
    bo.use_site_tag("bbbbb")
    made = {ana.add_step("a").id for _ in range(3)} | {bo.add_step("b").id for _ in range(3)}
    assert len(made) == 6


def test_a_copy_keeps_the_site_tag():
    journey = JourneyMap()
    journey.use_site_tag("k3f9q")
    assert journey.copy().add_stage("Buy").id == "g1.k3f9q"


def test_site_tags_are_short_random_and_checked():
    tags = {new_site_tag() for _ in range(100)}
    assert len(tags) == 100 and all(is_site_tag(t) for t in tags)
    for bad in ("", "K3F9Q", "ab", "a.b.c", None, 12345):
        assert not is_site_tag(bad)
    with pytest.raises(ValueError):
        IdAllocator("not a tag")
