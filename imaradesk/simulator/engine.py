"""The Simulator: state, timers, webhook delivery and the event bus, with start()/stop()."""

from __future__ import annotations

from typing import Any

import httpx

from imaradesk.config import SimulatorPhoneNumber, SimulatorSettings
from imaradesk.core import clock
from imaradesk.simulator import defaults
from imaradesk.simulator.events import EventBus
from imaradesk.simulator.faults import FaultInjector
from imaradesk.simulator.media import UrlSigner
from imaradesk.simulator.payloads import envelope, template_status_value, user_preferences_value
from imaradesk.simulator.scheduler import Scheduler
from imaradesk.simulator.state import ChatMessage, Customer, SimState, Template
from imaradesk.simulator.webhooks import Dispatcher, ResultCallback


class Simulator:
    """One simulated Cloud API account (one WABA, several numbers) and its customers.

    Its timers and webhook senders are asyncio tasks: `start()` them from the lifespan of the app
    that serves the simulator (its own, or the parent's when mounted) and `stop()` them on exit.
    """

    def __init__(self, config: SimulatorSettings, *, webhook_transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.config = config
        self.numbers: dict[str, SimulatorPhoneNumber] = {n.phone_number_id: n for n in config.phone_numbers}
        self.state = SimState()
        self.bus = EventBus()
        self.scheduler = Scheduler()
        self.faults = FaultInjector(config.faults, config.seed)
        self.webhooks = Dispatcher(config, self.scheduler, self.faults)
        self.media_urls = UrlSigner()
        self._transport = webhook_transport
        self.is_running = False
        self._seed()

    async def start(self) -> None:
        if self.is_running:
            return
        self.scheduler.start()
        await self.webhooks.start(self._transport)
        self.is_running = True

    async def stop(self) -> None:
        if not self.is_running:
            return
        self.bus.close()
        await self.webhooks.stop()
        await self.scheduler.stop()
        self.is_running = False

    def reset(self) -> None:
        """Forget every chat, template change, media and pending event; back to the configured start."""
        self.state = SimState()
        self.scheduler.clear()
        self.webhooks.reset()
        self.faults.settings = self.config.faults
        self.faults.reseed()
        self._seed()
        self.bus.publish({"type": "reset"})

    def _seed(self) -> None:
        if self.config.default_customers:
            for customer in defaults.default_customers():
                self.state.customers[customer.wa_id] = customer
        for template in defaults.default_templates():
            self.state.templates[template.id] = template

    @property
    def default_number(self) -> SimulatorPhoneNumber:
        return self.config.phone_numbers[0]

    def recipient(self, wa_id: str) -> Customer:
        """The customer a send goes to; unknown numbers join as reachable ones unless configured not to."""
        customer = self.state.customers.get(wa_id)
        if customer is None:
            customer = Customer(
                wa_id=wa_id,
                name=f"Customer {wa_id[-4:]}",
                is_reachable=self.config.auto_register_recipients,
            )
            self.state.customers[wa_id] = customer
            self.publish_customer(customer)
        return customer

    def emit(
        self,
        field: str,
        value: dict[str, Any],
        *,
        key: str,
        description: str,
        on_result: ResultCallback | None = None,
        time: int | None = None,
    ) -> None:
        payload = envelope(self.config.waba_id, field, value, time=time)
        self.webhooks.emit(payload, key=key, description=description, on_result=on_result)

    def publish_message(self, message: ChatMessage) -> None:
        if self.bus.has_subscribers:  # skip the serialising when no phone page listens (benchmarks)
            self.bus.publish({"type": "message", "message": message.to_dict()})

    def publish_customer(self, customer: Customer) -> None:
        self.bus.publish({"type": "customer", "customer": customer.to_dict()})

    def set_template_status(self, template: Template, status: str, reason: str = "NONE") -> None:
        template.status = status
        template.rejected_reason = reason
        now = int(clock.now().timestamp())
        self.emit(
            "message_template_status_update",
            template_status_value(template, status, reason),
            key=f"template:{template.id}",
            description=f"template {template.name}/{template.language} {status}",
            time=now,
        )
        self.bus.publish({"type": "template", "template": template.to_dict()})

    def schedule_approval(self, template: Template) -> None:
        def approve() -> None:
            if self.state.templates.get(template.id) is template and template.status == "PENDING":
                self.set_template_status(template, "APPROVED")

        self.scheduler.call_later(self.config.template_approval_delay_seconds, approve)

    def set_marketing(self, number: SimulatorPhoneNumber, customer: Customer, value: str) -> None:
        """The user's stop/resume of marketing messages in WhatsApp (§8.2), scoped to one number."""
        if value == "stop":
            customer.marketing_stopped.add(number.phone_number_id)
        else:
            customer.marketing_stopped.discard(number.phone_number_id)
        now = int(clock.now().timestamp())
        self.emit(
            "user_preferences",
            user_preferences_value(number, customer, value, now),
            key=customer.wa_id,
            description=f"user_preferences {value} {customer.wa_id}",
        )
        self.publish_customer(customer)
