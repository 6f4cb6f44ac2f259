"""Knowledge layer: loaders, chunking, indexes and retrieval over a knowledge folder."""
