"""gestures room: one object per gesture on the canvas, each turning one piece of input
into at most one edit: card drag, link drag, create in a cell, rename in place, rubber
band, pan. The view dispatches to the active one; Esc cancels it."""
