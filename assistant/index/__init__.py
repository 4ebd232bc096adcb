"""Stage 2, chunks -> index: the embedding model, the Chroma store (embedded or a server, one file
each in `stores/`), the manifest, index generations switched atomically, and loading an index.
"""
