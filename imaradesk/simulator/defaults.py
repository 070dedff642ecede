"""The demo's simulated customers and approved templates (made-up names and numbers)."""

from __future__ import annotations

from typing import Any

from imaradesk.simulator.state import Customer, Template

DEFAULT_CUSTOMERS: tuple[tuple[str, str, str, bool], ...] = (
    ("254712000101", "Wanjiru", "Swahili", True),
    ("221771234567", "Amadou", "French", True),
    ("258841234567", "Joana", "Portuguese", True),
    ("2348031234567", "Musa", "Hausa", True),
    ("233244123456", "Grace", "English", True),
    # A number that is not on WhatsApp: every send to it fails with 131026 (§3.1).
    ("233201234567", "Kofi", "not on WhatsApp", False),
)


def default_customers() -> list[Customer]:
    return [
        Customer(wa_id=wa_id, name=name, language=language, is_reachable=reachable)
        for wa_id, name, language, reachable in DEFAULT_CUSTOMERS
    ]


def _order_update(body: str, track: str) -> list[dict[str, Any]]:
    return [
        {"type": "BODY", "text": body, "example": {"body_text": [["Amina", "A1023"]]}},
        {
            "type": "BUTTONS",
            "buttons": [
                {"type": "QUICK_REPLY", "text": track},
                {
                    "type": "URL",
                    "text": "Open order",
                    "url": "https://shop.example/o/{{1}}",
                    "example": ["https://shop.example/o/A1023"],
                },
            ],
        },
    ]


def default_templates() -> list[Template]:
    hello: list[dict[str, Any]] = [
        {"type": "HEADER", "format": "TEXT", "text": "Hello World"},
        {
            "type": "BODY",
            "text": "Welcome and congratulations!! This message demonstrates your ability to send a "
            "WhatsApp message notification from the Cloud API, hosted by Meta.",
        },
        {"type": "FOOTER", "text": "WhatsApp Business Platform sample message"},
    ]
    promo: list[dict[str, Any]] = [
        {"type": "HEADER", "format": "TEXT", "text": "Deals this week"},
        {
            "type": "BODY",
            "text": "Hi {{1}}, everything in {{2}} is 20% off until Sunday.",
            "example": {"body_text": [["Amina", "shoes"]]},
        },
        {"type": "FOOTER", "text": "Tap Stop promotions to opt out"},
        {
            "type": "BUTTONS",
            "buttons": [
                {"type": "QUICK_REPLY", "text": "Shop now"},
                {"type": "QUICK_REPLY", "text": "Stop promotions"},
            ],
        },
    ]
    reminder: list[dict[str, Any]] = [
        {
            "type": "BODY",
            "text": "Hello {{customer_name}}, your delivery is booked for {{date}}.",
            "example": {
                "body_text_named_params": [
                    {"param_name": "customer_name", "example": "Amina"},
                    {"param_name": "date", "example": "25 Nov"},
                ]
            },
        }
    ]
    rows: list[tuple[str, str, str, list[dict[str, Any]], str]] = [
        ("1000000000000001", "hello_world", "en_US", hello, "UTILITY"),
        (
            "1000000000000002",
            "order_update",
            "en_US",
            _order_update("Hi {{1}}, your order {{2}} is on its way.", "Track order"),
            "UTILITY",
        ),
        (
            "1000000000000003",
            "order_update",
            "sw",
            _order_update("Habari {{1}}, oda yako {{2}} iko njiani.", "Fuatilia oda"),
            "UTILITY",
        ),
        (
            "1000000000000004",
            "order_update",
            "fr",
            _order_update("Bonjour {{1}}, votre commande {{2}} est en route.", "Suivre"),
            "UTILITY",
        ),
        (
            "1000000000000005",
            "order_update",
            "pt_PT",
            _order_update("Olá {{1}}, a sua encomenda {{2}} está a caminho.", "Seguir"),
            "UTILITY",
        ),
        ("1000000000000006", "weekly_promo", "en", promo, "MARKETING"),
        ("1000000000000007", "delivery_reminder", "en", reminder, "UTILITY"),
    ]
    templates = [
        Template(id=tid, name=name, language=lang, category=cat, components=comps)
        for tid, name, lang, comps, cat in rows
    ]
    templates[-1].parameter_format = "NAMED"
    return templates
