"""Knowledge questions: answers with their source, topics, small talk."""
