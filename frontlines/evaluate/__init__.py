"""frontlines.evaluate"""
