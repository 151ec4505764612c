"""Extract every translatable sentence and bring the catalogues up to date, in one command.

    python packaging/update_translations.py          # extract, update the .po, compile the .mo
    python packaging/update_translations.py --check  # exit 1 if anything is out of date
    python packaging/update_translations.py --untranslated de > de.txt   # what German lacks
    python packaging/update_translations.py --fill de de-translated.txt  # put it in, compile

1. Extracts ``_()``, ``N_()``, ``ngettext()`` and ``pgettext()`` calls from ``src/laneway``
   (Babel's Python extractor) into ``resources/locale/laneway.pot``.
2. Updates ``resources/locale/<language>/LC_MESSAGES/laneway.po`` for every language in
   ``laneway.i18n.LANGUAGES``: new sentences arrive untranslated, vanished ones are
   dropped, translations are kept (no fuzzy guessing: a changed sentence is a new one).
3. Compiles each ``.po`` to the ``.mo`` the package loads (``laneway.i18n``).
4. Says how many sentences each language still lacks (they show in English meanwhile).

Needs Babel (``pip install -e ".[test]"``). The app and the command line only read the
``.mo`` files, which are committed; ``tests/i18n`` checks that they match the ``.po``.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "laneway"
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "laneway.pot"
DOMAIN = "laneway"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
LANGUAGES = ("de", "fr")
#: A fixed date in the headers: the files change only when a sentence does.
_FIXED_DATE = datetime(2026, 12, 1, tzinfo=timezone.utc)


def extract() -> Catalog:
    """Every sentence the code marks, with the file it comes from."""
    catalog = Catalog(project="Laneway", domain=DOMAIN, charset="utf-8", fuzzy=False)
    found = extract_from_dir(
        SOURCES,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        where = f"src/laneway/{Path(filename).as_posix()}"
        catalog.add(message, None, [(where, lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def read_catalog(path: Path, language: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN, project="Laneway", fuzzy=False)
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    """The .po text: sorted by sentence, file names without line numbers (quiet diffs)."""
    stream = io.BytesIO()
    write_po(
        stream,
        catalog,
        width=100,
        omit_header=False,
        sort_output=True,
        include_lineno=False,
        ignore_obsolete=True,
    )
    return stream.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    stream = io.BytesIO()
    write_mo(stream, catalog, use_fuzzy=False)
    return stream.getvalue()


def updated(template: Catalog, language: str) -> Catalog:
    catalog = read_catalog(po_path(language), language)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    catalog.revision_date = catalog.creation_date = template.creation_date = _FIXED_DATE
    catalog.fuzzy = False
    return catalog


def untranslated(catalog: Catalog) -> list[str]:
    """The sentences of ``catalog`` with no (or an incomplete) translation."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        if _lacks(message):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def planned_files() -> dict[Path, bytes]:
    """What the catalogue files should hold, from the code as it is now."""
    template = extract()
    template.creation_date = _FIXED_DATE
    files = {TEMPLATE: po_bytes(template)}
    for language in LANGUAGES:
        catalog = updated(template, language)
        files[po_path(language)] = po_bytes(catalog)
        # Compile what was written, so the .mo is exactly the .po's (read back).
        written = read_po(io.BytesIO(files[po_path(language)]), locale=language, domain=DOMAIN)
        files[mo_path(language)] = mo_bytes(written)
    return files


def out_of_date(files: dict[Path, bytes]) -> list[Path]:
    return [path for path, data in files.items() if not path.exists() or path.read_bytes() != data]


def report(languages: Iterable[str]) -> list[str]:
    lines = []
    for language in languages:
        catalog = read_catalog(po_path(language), language)
        missing = untranslated(catalog)
        total = sum(1 for message in catalog if message.id)
        lines.append(f"{language}: {total - len(missing)} of {total} sentences translated")
        lines += [f"  untranslated: {text!r}" for text in missing[:20]]
        if len(missing) > 20:
            lines.append(f"  … and {len(missing) - 20} more")
    return lines


def untranslated_lines(language: str) -> list[str]:
    """The sentences ``language`` lacks, numbered, one a line ("N<TAB>English"): a plural
    as "singular || plural", line breaks as \\n. Translate them into a file of the same
    shape and hand it to ``--fill``."""
    lines = []
    for number, message in enumerate(_missing(language), start=1):
        english = message.id if isinstance(message.id, str) else " || ".join(message.id)
        lines.append(f"{number}\t{english}".replace("\n", "\\n"))
    return lines


def fill(language: str, translations: Path) -> int:
    """Put the numbered translations of ``translations`` (``--untranslated``'s numbering)
    into the .po and compile it. Returns how many were filled."""
    catalog = read_catalog(po_path(language), language)
    given = {}
    for line in translations.read_text(encoding="utf-8").splitlines():
        if line.strip():
            number, text = line.split("\t", 1)
            given[int(number)] = text.replace("\\n", "\n")
    filled = 0
    for number, message in enumerate(_missing(language, catalog), start=1):
        if number not in given:
            continue
        if isinstance(message.id, tuple):
            forms = [form.strip() for form in given[number].split(" || ")]
            # CLDR may have more forms than English (French: one, many, other).
            message.string = tuple(forms + [forms[-1]] * (catalog.num_plurals - len(forms)))
        else:
            message.string = given[number]
        message.flags.discard("fuzzy")
        filled += 1
    po_path(language).write_bytes(po_bytes(catalog))
    written = read_po(io.BytesIO(po_path(language).read_bytes()), locale=language, domain=DOMAIN)
    mo_path(language).write_bytes(mo_bytes(written))
    return filled


def _missing(language: str, catalog: Catalog | None = None) -> list:
    catalog = catalog or read_catalog(po_path(language), language)
    # Message by message, not by English text: one sentence may have a translated
    # plain entry and an untranslated one under a pgettext() context.
    return [message for message in catalog if message.id and _lacks(message)]


def _lacks(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return message.fuzzy or not all(strings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a catalogue file is out of date",
    )
    parser.add_argument(
        "--untranslated", metavar="LANGUAGE",
        help="print the sentences LANGUAGE lacks, numbered, and stop",
    )  # fmt: skip
    parser.add_argument(
        "--fill", nargs=2, metavar=("LANGUAGE", "FILE"),
        help="fill LANGUAGE's numbered translations from FILE and compile",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.untranslated:
        print("\n".join(untranslated_lines(args.untranslated)))
        return 0
    if args.fill:
        print(f"filled {fill(args.fill[0], Path(args.fill[1]))}")
        return 0
    files = planned_files()
    stale = out_of_date(files)
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[path])
        print(f"wrote {path.relative_to(ROOT)}")
    print("\n".join(report(LANGUAGES)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
