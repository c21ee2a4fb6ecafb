"""frontlines.knowledge"""
