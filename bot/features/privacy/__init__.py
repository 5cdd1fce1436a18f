"""What is stored about a user (/mydata) and erasing it (/forget)."""
