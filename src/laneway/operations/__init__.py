"""operations layer: what the app and the command line both do to whole maps.

Create a map from a template, import a file, export by suffix, place the steps that
have no position yet. Qt-free at import time: ``render`` (and python-pptx) are imported
only when an image (or slides) is asked for, so ``laneway --version`` and
``laneway analyze`` start without them.
"""
