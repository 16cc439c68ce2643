# nbconvert configuration for the HTML handouts (`jupyter nbconvert --config <this file> --to html`).
# One place for the export options, shared by scripts/handouts.sh and the notebook tests.
import json
import os

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

c.TemplateExporter.extra_template_basedirs = [os.path.dirname(os.path.abspath(__file__))]
c.HTMLExporter.template_name = "memscope-handout"


def memscope_json(value):
    """A view document as compact JSON for a <script type="application/...+json"> element: '<'
    and the two line separators JavaScript once refused are escaped, so nothing in the data can
    end the element or be read as markup."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


c.TemplateExporter.filters = {"memscope_json": memscope_json}

# Static images first: an output that also carries HTML or JavaScript (an interactive chart
# needing scripts from elsewhere) shows its SVG/PNG in the offline handout. JavaScript and
# widget views are left out: with no script loader in the page they could not run anyway.
# A memscope output shows its SVG too; the template puts its view document beside it.
c.NbConvertBase.display_data_priority = [
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/html",
    "text/markdown",
    "text/latex",
    "text/plain",
]
