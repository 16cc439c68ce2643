# nbconvert configuration for the HTML handouts (`jupyter nbconvert --config <this file> --to html`).
# One place for the export options, shared by scripts/handouts.sh and the notebook tests.
import os

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

c.TemplateExporter.extra_template_basedirs = [os.path.dirname(os.path.abspath(__file__))]
c.HTMLExporter.template_name = "memscope-handout"

# Static images first: an output that also carries HTML or JavaScript (an interactive chart
# needing scripts from elsewhere) shows its SVG/PNG in the offline handout. JavaScript and
# widget views are left out: with no script loader in the page they could not run anyway.
c.NbConvertBase.display_data_priority = [
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/html",
    "text/markdown",
    "text/latex",
    "text/plain",
]
