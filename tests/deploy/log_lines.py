"""Searching log lines for what a request carried, without false alarms."""

import re

# What checkin_portal.logs.new_request_id makes (uuid4().hex).
_GENERATED_ID = re.compile(r"[0-9a-f]{32}")


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def assert_nothing_personal_in(lines, sent):
    """None of ``sent`` (words and numbers a request carried) is in the log ``lines``
    (parsed JSON objects).

    What a request carries can reach a line only as text, so the text of every line is
    searched: its keys and string values, with what the portal makes up for it left out
    (its timestamp, and a request id it generated: 32 random hex digits). Numbers the
    server writes (a size, a duration) and those made-up values can hold any digits: a
    generated id ``...645558a...`` is not the phone number's 555 (a false alarm failed CI
    once), nor a 60,605-byte page the ZIP code 60605. An id the client sent is searched.
    """
    texts = []
    for line in lines:
        request_id = line.get("request_id")
        generated = isinstance(request_id, str) and _GENERATED_ID.fullmatch(request_id)
        kept = {k: v for k, v in line.items() if k != "timestamp"}
        text = "\n".join(_texts(kept))
        texts.append(text.replace(request_id, "") if generated else text)
    text = "\n".join(texts)
    for leaked in sent:
        assert leaked not in text, leaked
