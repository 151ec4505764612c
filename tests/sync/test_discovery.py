"""Discovery records, built and parsed without the network (tests never start mDNS)."""

from __future__ import annotations

import pytest

pytest.importorskip("zeroconf", reason="the live-session extra (laneway[collab]) is not installed")

from laneway.sync.discovery import (
    SERVICE_TYPE,
    parse_service_info,
    properties_for,
    service_info,
)
from laneway.sync.pairing import PROTOCOL_VERSION


def _info(title: str = "B2B lead to renewal", **changes):
    properties = properties_for(session_id="a" * 32, map_id="m" * 32, title=title, host_name="Fa")
    properties.update(changes)
    return service_info("192.168.1.5", 47474, properties)


def test_a_record_carries_what_the_join_dialog_lists_and_never_the_code():
    info = _info()
    assert info.type == SERVICE_TYPE and info.name.endswith("." + SERVICE_TYPE)
    assert set(info.properties) == {b"version", b"session", b"map", b"title", b"host"}
    record = parse_service_info(info)
    assert record is not None and record.compatible
    assert (record.title, record.host_name, record.address, record.port) == (
        "B2B lead to renewal", "Fa", "192.168.1.5", 47474)  # fmt: skip
    assert record.map_id == "m" * 32 and record.version == PROTOCOL_VERSION


@pytest.mark.parametrize(
    "changes",
    [{"version": "x"}, {"map": ""}, {"version": ""}],
)
def test_records_that_cannot_be_joined_are_ignored(changes):
    assert parse_service_info(_info(**changes)) is None


def test_another_version_is_listed_as_such():
    record = parse_service_info(_info(version=str(PROTOCOL_VERSION + 1)))
    assert record is not None and not record.compatible


def test_long_titles_are_cut_and_junk_objects_are_ignored():
    record = parse_service_info(_info(title="T" * 500))
    assert record is not None and record.title == "T" * 120
    record = parse_service_info(_info(title="é" * 200))  # two bytes each: cut to fit
    assert record is not None and 100 <= len(record.title) <= 120
    assert parse_service_info(object()) is None
