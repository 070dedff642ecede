"""An in-repo stand-in for the WhatsApp Cloud API (Graph v21.0): sends, media, templates, webhooks.

See docs/simulator.md. Imports only `imaradesk.core` and `imaradesk.config` (ARCHITECTURE.md §5).
"""

from imaradesk.simulator.app import create_simulator_app, run_simulator, simulator_of
from imaradesk.simulator.engine import Simulator

__all__ = ["Simulator", "create_simulator_app", "run_simulator", "simulator_of"]
