"""A QR code of the confirmation number for the printed record (staff can scan it)."""

from checkin_portal.qr import qr_svg_data_uri


def confirmation_qr_data_uri(text: str) -> str:
    return qr_svg_data_uri(text)
