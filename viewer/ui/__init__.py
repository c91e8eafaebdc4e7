"""The Qt user interface. Receives plain records from `viewer.core`, draws them."""
