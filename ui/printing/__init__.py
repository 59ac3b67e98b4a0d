"""Printing and previewing documents: the PDF pages on screen and on paper, the handout texts editor."""
