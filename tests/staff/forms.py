"""What a browser would POST from an admin page: the fields of its first POST form."""

from html.parser import HTMLParser


class _PostForm(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._in_form = False
        self._done = False
        self._select: str | None = None
        self._select_value: str | None = None
        self._textarea: str | None = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def _input(self, name, attrs):
        kind = (attrs.get("type") or "text").lower()
        if kind in {"checkbox", "radio"} and "checked" not in attrs:
            return
        if kind in {"file", "image", "button", "reset"}:
            return
        self._add(name, attrs.get("value") or ("on" if kind == "checkbox" else ""))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self._done and (attrs.get("method") or "").lower() == "post":
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            self._input(name, attrs)
        elif tag == "select" and name:
            self._select, self._select_value = name, None
        elif tag == "option" and self._select is not None:
            if self._select_value is None or "selected" in attrs:
                self._select_value = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")
        elif tag == "button" and name:
            self._add(name, attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            if self._select_value is not None:
                self._add(self._select, self._select_value)
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self._in_form:
            self._in_form, self._done = False, True

    def handle_data(self, data):
        if self._textarea is not None:
            self.data[self._textarea][-1] += data


def post_data_of(response) -> dict[str, list[str]]:
    """The first POST form of an HTML response as test-client data (empty when none)."""
    if response.status_code != 200 or response.streaming:
        return {}
    if "html" not in response.get("Content-Type", ""):
        return {}
    parser = _PostForm()
    parser.feed(response.content.decode(errors="replace"))
    return parser.data
