"""frontlines.fusion"""
