"""The illustrated how-to (issue 19): every step has a picture in every language, no
picture is older than the templates it shows, and the pages show them well.

When a test here fails because a template changed, take the pictures again:
``make screenshots`` (about 2 minutes), then commit static/howto/.
"""

import hashlib
import html
import json
import re

import pytest
from django.conf import settings
from django.template.loader import get_template
from django.utils import translation

from checkin_portal import howto

LANGUAGES = [code for code, _name in settings.LANGUAGES]
AGAIN = "take the pictures again: make screenshots"


def _manifest() -> dict:
    return json.loads(howto.MANIFEST.read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_has_a_picture_in_every_language(language):
    steps = _manifest()["steps"]
    for step in howto.STEPS:
        path = howto.HOWTO_DIR / language / f"{step.slug}.webp"
        assert path.is_file(), f"no picture of step {step.slug!r} in {language}: {AGAIN}"
        data = path.read_bytes()
        assert data[:4] == b"RIFF" and data[8:12] == b"WEBP", f"{path} is not WebP"
        image = steps.get(step.slug, {}).get("images", {}).get(language)
        assert image, f"the manifest has no {language} picture of {step.slug!r}: {AGAIN}"
        assert image["bytes"] == len(data), f"{path} is not the picture the script took"
        assert 0 < image["width"] <= 400 and 0 < image["height"] <= 600
        # Small enough for a phone on a weak connection.
        assert len(data) < 30 * 1024, f"{path} is {len(data)} bytes"
        if step.strip:  # the home page's half-size copy
            small = howto.HOWTO_DIR / language / f"{step.slug}-small.webp"
            assert small.is_file(), f"no small picture of {step.slug!r} in {language}: {AGAIN}"
            assert image["small"]["bytes"] == small.stat().st_size
            assert image["small"]["width"] * 2 == image["width"]


def test_no_picture_is_older_than_the_templates_it_shows():
    """Mtimes mean nothing on a clean clone: the script records each template's content
    hash, and a template whose content changed since means its pictures are stale."""
    stale = []
    for step in howto.STEPS:
        recorded = _manifest()["steps"][step.slug]["templates"]
        assert recorded, f"step {step.slug!r} records no template: {AGAIN}"
        for name, digest in recorded.items():
            try:
                path = get_template(name).origin.name
            except Exception:  # noqa: BLE001 - a removed template is stale too
                stale.append(f"{step.slug}: {name} (gone)")
                continue
            with open(path, "rb") as source:
                if hashlib.sha256(source.read()).hexdigest() != digest:
                    stale.append(f"{step.slug}: {name}")
    assert not stale, f"pictures older than these templates ({AGAIN}):\n" + "\n".join(stale)


def test_each_step_records_the_page_it_pictures():
    recorded = {slug: set(entry["templates"]) for slug, entry in _manifest()["steps"].items()}
    expected = {
        "language": "pages/language.html",
        "sign_in": "subjects/sign_in.html",
        "office": "appointments/start.html",
        "time": "appointments/times.html",
        "review": "appointments/review.html",
        "confirmation": "appointments/mine.html",
        "record": "appointments/mine.html",
        "end_session": "includes/header.html",
        "address": "addresses/change.html",
        "hearing": "hearings/detail.html",
    }
    assert set(expected) == {step.slug for step in howto.STEPS}
    for slug, template in expected.items():
        assert template in recorded[slug], f"{slug} does not show {template}"


def _images(page: str) -> list[dict[str, str]]:
    return [
        dict(re.findall(r'([\w-]+)="([^"]*)"', tag)) for tag in re.findall(r"<img\b[^>]*>", page)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_how_to_page_shows_each_step_with_its_picture(client, language):
    page = client.get(f"/{language}/help/how-to-book/").content.decode()
    images = {image["src"]: image for image in _images(page)}
    for step in howto.STEPS:
        image = images.get(f"/static/howto/{language}/{step.slug}.webp")
        assert image, f"{language}: no picture of {step.slug}"
        assert image["loading"] == "lazy"
        assert int(image["width"]) > 0 and int(image["height"]) > 0
        with translation.override(language):
            alt, heading = step.alt_text(), str(step.heading)
        assert html.unescape(image["alt"]) == alt
        assert html.escape(heading) in page
    bidi = translation.get_language_info(language)["bidi"]
    assert f'dir="{"rtl" if bidi else "ltr"}"' in page


@pytest.mark.django_db
def test_alt_text_names_the_control_as_the_page_labels_it(client):
    page = client.get("/es/help/how-to-book/").content.decode()
    alts = [html.unescape(image["alt"]) for image in _images(page)]
    with translation.override("es"):
        button = translation.gettext("Sign in")
    assert any(f"«{button}»" in alt or f"“{button}”" in alt for alt in alts), alts


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_home_page_strip_links_to_the_how_to(client, language):
    page = client.get(f"/{language}/").content.decode()
    strip = page[page.index('class="portal-howto-strip"') :]
    strip = strip[: strip.index("</section>")]
    images = _images(strip)
    assert 3 <= len(images) <= 4
    for image in images:
        assert image["src"].startswith(f"/static/howto/{language}/")
        assert image["src"].endswith("-small.webp")
        assert image["loading"] == "lazy" and image["alt"]
    assert strip.count(f'href="/{language}/help/how-to-book/#') == len(images)
    assert f'href="/{language}/help/how-to-book/"' in strip


@pytest.mark.django_db
def test_pages_still_show_the_words_without_the_manifest(client, monkeypatch):
    monkeypatch.setattr(howto, "manifest", lambda: {})
    page = client.get("/en/help/how-to-book/")
    assert page.status_code == 200
    assert "<img" not in page.content.decode()
    assert "Choose a time" in page.content.decode()
    assert client.get("/en/").status_code == 200
