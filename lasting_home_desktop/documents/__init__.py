"""PDF documents made with reportlab. No Qt."""
