"""The conversation core: messages, the coach that routes them, dialogues, callbacks, commands."""
