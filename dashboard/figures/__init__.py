"""Figure functions: pure, frames in and `plotly.graph_objects.Figure` out, one chart per module.

Every function has the same shape: `chart(frames, congress_id, *, size, theme, link) -> Figure`.
"""
