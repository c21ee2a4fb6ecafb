"""frontlines.store"""
