"""frontlines.pipeline"""
