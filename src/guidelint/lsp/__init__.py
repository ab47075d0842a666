"""The language server behind ``guidelint lsp`` (see docs/editors.md).

``workspace`` knows the guides and checks buffers, ``convert`` turns findings
into the protocol's terms, ``actions`` answers hovers and code actions,
``server`` keeps the state and ``handlers`` wires the protocol's messages.
"""
