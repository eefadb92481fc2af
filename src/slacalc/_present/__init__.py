"""The presentation layer: how slacalc shows values to people and programs.

One duration formatter, one instant formatter, one wording catalogue per language, one
table renderer and one JSON encoder. It sits on the bottom floor beside ``_time`` and
``_exact``: it imports nothing above them, so every package can render through it.
"""
