"""The demo document bundled with the package (an article written for tazformat)."""

from __future__ import annotations

from importlib import resources

from .api import loads
from .models import Document

DEMO = "demo.txt"
"""The bundled demo document, in ``tazformat/data/``."""


def demo_bytes() -> bytes:
    """The bundled demo document as it is stored: UTF-8 text, in the meulie framed rendering.

    Added in version 0.1.0.
    """
    return resources.files("tazformat").joinpath("data").joinpath(DEMO).read_bytes()


def demo() -> Document:
    """The bundled demo document, parsed: an article to try the library on.

    Added in version 0.1.0.

    ```python
    import tazformat

    doc = tazformat.demo()
    doc.page.title.kicker      # 'Bücherbus in Kreuzberg'
    tazformat.to_dict(doc)["tags"][:2]  # ['Bibliothek', 'Berlin-Kreuzberg']
    ```

    Returns:
        A new document each call: ``loads(demo_bytes())``.

    """
    return loads(demo_bytes())
