import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["home", "help", "tutorial"]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_renders_in_language(client: Client, name: str, language: str):
    with translation.override(language):
        url = reverse(name)
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="ltr">' in html
    assert html.count("<h1") == 1
    assert 'href="#main-content"' in html
    assert "<main" in html


def test_home_explains_the_three_tasks_in_spanish(client: Client):
    html = client.get("/es/").content.decode()
    for heading in ["Cita para presentarse", "Audiencia en la corte", "Nueva dirección"]:
        assert heading in html


def test_help_page_lists_seeded_faq_in_both_languages(client: Client):
    english = client.get("/en/help/").content.decode()
    spanish = client.get("/es/help/").content.decode()
    assert "Do I need to book a check-in appointment?" in english
    assert "¿Tengo que hacer una cita para presentarme?" in spanish
    # Three FAQ sections, each with an anchor the home page links to.
    for anchor in ['id="scheduling"', 'id="check_in"', 'id="address"', 'id="reporting-details"']:
        assert anchor in english


def test_help_page_reporting_details_table_maps_forms_to_papers(client: Client):
    html = client.get("/en/help/").content.decode()
    assert "Notice to Appear (Form I-862)" in html
    assert "Order of Release on Recognizance" in html
    assert "I-220A" in html
    table = html[html.index('id="reporting-details"') :]
    table = table[: table.index("</table>")]
    assert table.count("Call-In Letter") == 3  # ER, Parole/ATD and Notice to Report
    assert table.count("<tr>") == 5  # header + four release forms


def test_unpublished_faq_entry_is_hidden(client: Client):
    from checkin_portal.models import FaqEntry

    entry = FaqEntry.objects.get(slug="walk-in")
    entry.is_published = False
    entry.save()
    assert entry.question not in client.get("/en/help/").content.decode()


def test_faq_answer_text_is_escaped_and_lists_render(client: Client):
    from checkin_portal.models import FaqEntry

    FaqEntry.objects.create(
        section="address",
        slug="test-escape",
        question="Q?",
        answer="<script>alert(1)</script>\n\n- one\n- two",
    )
    html = client.get("/en/help/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<li>one</li><li>two</li>" in html


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_run_a_fixed_number_of_queries(
    client: Client, django_assert_max_num_queries, name: str
):
    url = reverse(name)
    client.get(url)  # warm caches that are per process by design
    with django_assert_max_num_queries(2):
        client.get(url)


def test_help_page_query_count_does_not_grow_with_entries(
    client: Client, django_assert_num_queries
):
    from checkin_portal.models import FaqEntry

    client.get("/en/help/")
    with django_assert_num_queries(1) as first:
        client.get("/en/help/")
    FaqEntry.objects.bulk_create(
        FaqEntry(section="check_in", slug=f"extra-{i}", question=f"Q{i}", answer="A")
        for i in range(30)
    )
    with django_assert_num_queries(len(first.captured_queries)):
        client.get("/en/help/")


def test_footer_shows_help_line_from_settings(client: Client, settings):
    settings.HELP_LINE_PHONE = "+1-555-010-0000"
    settings.AGENCY_SHORT_NAME = "Test Agency"
    html = client.get("/en/").content.decode()
    assert 'href="tel:+15550100000"' in html
    assert "Call the Test Agency help line" in html


def test_no_official_government_banner_or_seal(client: Client):
    html = client.get("/en/").content.decode().lower()
    assert "official website" not in html
    assert "seal" not in html
    assert "usa-banner" not in html


def test_demo_notice_only_in_demo_mode(client: Client, settings):
    settings.DEMO_MODE = False
    assert "portal-demo-banner" not in client.get("/en/").content.decode()
    settings.DEMO_MODE = True
    assert "portal-demo-banner" in client.get("/en/").content.decode()


def test_pages_load_nothing_from_another_host(client: Client):
    for url in ["/en/", "/en/help/", "/en/help/how-to-book/", "/language/"]:
        html = client.get(url).content.decode()
        for attr in ('src="http', "src='http", 'href="http', "href='//", 'src="//'):
            assert attr not in html, (url, attr)


def test_demo_notice_is_a_named_region(client: Client, settings):
    """axe's "region" rule: all content inside a landmark. The notice is its own named region."""
    settings.DEMO_MODE = True
    html = client.get("/en/").content.decode()
    assert '<section class="portal-demo-banner" aria-label="Demonstration only.">' in html
