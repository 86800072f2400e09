"""Question answering over news articles, with cited answers, offline."""

import os as _os

# Offline by construction: no model hub, no analytics, no telemetry. Defaults only, so a user can
# still override them; these are written, never read, here.
for _k, _v in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}.items():
    _os.environ.setdefault(_k, _v)

__version__ = "0.1.0"
