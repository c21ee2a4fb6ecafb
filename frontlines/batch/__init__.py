"""frontlines.batch"""
