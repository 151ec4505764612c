"""Laneway: customer-journey maps in swimlanes that point out ownership gaps."""

__version__ = "0.1.0"
