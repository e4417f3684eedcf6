"""Quality gates shared by the tests and the tasks: links, screenshots."""
