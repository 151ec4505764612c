"""Export benchmarks (skipped in the normal run): `pytest tests/render --benchmark-only`."""

from __future__ import annotations

import pytest

from laneway.io.export_options import ExportOptions
from laneway.io.pptxio import write_pptx
from laneway.operations.placing import place_unplaced_steps
from laneway.render import export_image
from tests.support.maps import workshop_map


def _placed(steps: int):
    journey = workshop_map(steps)
    place_unplaced_steps(journey)
    return journey


@pytest.mark.benchmark(group="export")
def test_bench_png_2x_500_steps(benchmark, qapp, tmp_path):
    journey = _placed(500)
    options = ExportOptions(scale=2, width=12000)  # the 2× picture, capped to a sane width
    benchmark.pedantic(
        export_image, args=(journey, tmp_path / "m.png", ".png", options), rounds=3, iterations=1
    )


@pytest.mark.benchmark(group="export")
def test_bench_pdf_500_steps(benchmark, qapp, tmp_path):
    journey = _placed(500)
    benchmark.pedantic(
        export_image,
        args=(journey, tmp_path / "m.pdf", ".pdf", ExportOptions(page="map")),
        rounds=3,
        iterations=1,
    )


@pytest.mark.benchmark(group="export")
def test_bench_pptx_200_steps(benchmark, tmp_path):
    journey = _placed(200)
    benchmark.pedantic(
        write_pptx, args=(journey, tmp_path / "m.pptx", ExportOptions()), rounds=3, iterations=1
    )


SIZES = (20, 100, 500)


@pytest.mark.benchmark(group="export per format")
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
@pytest.mark.parametrize("steps", SIZES)
def test_bench_export_format(benchmark, qapp, tmp_path, steps, suffix):
    """The default export of each format (PNG 2×, made smaller past the pixel limit;
    PDF sized to the map), in process."""
    journey = workshop_map(steps)
    path = tmp_path / f"m{suffix}"
    benchmark.pedantic(
        export_image, args=(journey, path, suffix, ExportOptions()), rounds=3, iterations=1
    )


@pytest.mark.benchmark(group="export per format")
@pytest.mark.parametrize("steps", SIZES)
def test_bench_export_16_9_pages(benchmark, qapp, tmp_path, steps):
    """The 16:9 PDF: planned by stage range, each page arranged for the slide."""
    journey = workshop_map(steps)
    options = ExportOptions(page="16:9")
    benchmark.pedantic(
        export_image, args=(journey, tmp_path / "m.pdf", ".pdf", options), rounds=3, iterations=1
    )
