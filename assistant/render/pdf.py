"""PDF through WeasyPrint (the optional extra `counterbrief[pdf]`), from the same HTML page
and print stylesheet as the HTML export: status mark, marking and page x of y on every
page. WeasyPrint is imported only here, and nothing it is given may fetch anything."""

from __future__ import annotations

from typing import Any, NoReturn

from .export import ExportRefused

INSTALL = ("PDF export needs the optional WeasyPrint extra: pip install 'counterbrief[pdf]' "
           "(in a checkout: .venv/bin/pip install -e '.[pdf]'), and the Pango library it "
           "draws text with (Debian/Ubuntu: apt-get install libpango-1.0-0 "
           "libpangoft2-1.0-0; macOS: brew install pango)")


class PdfUnavailable(ExportRefused):
    """WeasyPrint or its system libraries are missing; the message says how to install them."""


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError(f"refused to fetch {url}: a brief refers to nothing outside itself")


def pdf_engine() -> Any:
    """The weasyprint module, or PdfUnavailable."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the package is there, Pango is not
        raise PdfUnavailable(f"{INSTALL}. ({type(exc).__name__}: {exc})") from None
    return weasyprint


def html_to_pdf(page: str) -> bytes:
    """One standalone HTML page (see `html.markdown_to_html`) as PDF bytes."""
    weasyprint = pdf_engine()
    data: bytes = weasyprint.HTML(string=page, url_fetcher=_no_fetch).write_pdf()
    return data
