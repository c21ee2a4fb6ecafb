"""frontlines.web"""
