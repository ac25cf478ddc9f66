"""A QR code of the confirmation number for the printed record (staff can scan it)."""

import base64
import io

import qrcode
import qrcode.image.svg


def confirmation_qr_data_uri(text: str) -> str:
    """An SVG QR code as a data: URI (allowed by our CSP's img-src; no inline markup)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
