"""A small shop's documents and the questions its customers ask, for retrieval-quality tests."""

from __future__ import annotations

from tests.knowledge import files

FAQ_SECTIONS: dict[str, list[str]] = {
    "Delivery": [
        "Orders inside Nairobi are delivered the next working day by our own riders.",
        "Deliveries to Mombasa, Kisumu and Nakuru take three working days through G4S.",
        "Delivery is free for orders above 5,000 shillings; below that it costs 300 shillings.",
    ],
    "Payment": [
        "We accept M-Pesa (Paybill 522533), Visa and Mastercard cards, and cash on delivery in Nairobi.",
        "Invoices for companies are sent by email within one day of payment.",
    ],
    "Returns and refunds": [
        "You can return any unused item within 14 days of delivery in its original packaging.",
        "Refunds are sent back to M-Pesa or to the card within 7 working days after we receive the item.",
        "Food, underwear and opened cosmetics cannot be returned for hygiene reasons.",
    ],
    "Opening hours": [
        "The shop on Moi Avenue opens from 8am to 7pm Monday to Saturday, and 10am to 4pm on Sunday.",
        "We are closed on public holidays such as Madaraka Day and Christmas.",
    ],
    "Warranty": [
        "Electronics come with a 12-month warranty against factory defects.",
        "The warranty does not cover water damage or a cracked screen.",
    ],
    "Contact": [
        "Call or WhatsApp us on 0700 000 100, or write to help@duka.example.",
    ],
    "Loyalty points": [
        "Every 100 shillings spent earns one Duka point; 50 points give a 250 shilling voucher.",
        "Points expire twelve months after they were earned and cannot be exchanged for cash.",
    ],
    "Gift wrapping": [
        "We wrap gifts for free at the Moi Avenue shop; online orders can add wrapping for 150 shillings.",
    ],
    "Bulk orders": [
        "Shops and restaurants buying more than 50 bags get a 10% discount; ask for a quotation first.",
        "Bulk orders are delivered by truck on Tuesdays and Fridays.",
    ],
    "Order tracking": [
        "After dispatch you receive an SMS with a tracking link from our courier partner.",
        "If your parcel has not moved for two days, send us the order number and we will call the courier.",
    ],
    "Account and password": [
        "To reset your password, tap Forgot password on the login page and follow the email link.",
        "You can delete your account from the profile page; your order history is then removed.",
    ],
    "Installation": [
        "Our technician installs cookers, fridges and washing machines in Nairobi for 1,000 shillings.",
        "Installation visits are booked for the day after delivery between 9am and 5pm.",
    ],
}

PRICE_TABLE = [
    ["Item", "Price", "Stock"],
    ["Rice 5 kg (Pishori)", "KES 1,200", "In stock"],
    ["Cooking oil 3 litres", "KES 950", "In stock"],
    ["Sugar 2 kg", "KES 300", "Out of stock"],
    ["Blender (Ramtons)", "KES 4,500", "In stock"],
]

# (question, words that only the right chunk contains)
QUESTIONS: list[tuple[str, str]] = [
    ("How long does delivery to Mombasa take?", "Mombasa"),
    ("Do you deliver in Nairobi tomorrow?", "next working day"),
    ("Is shipping free?", "free for orders"),
    ("Can I pay with M-Pesa?", "Paybill"),
    ("Do you take Visa cards?", "Paybill"),
    ("How do I get an invoice for my company?", "Invoices"),
    ("Can I return a dress I bought last week?", "14 days"),
    ("When will I get my money back?", "7 working days"),
    ("Can I return food?", "hygiene"),
    ("What time do you open on Saturday?", "8am to 7pm"),
    ("Are you open on Christmas?", "public holidays"),
    ("How long is the warranty on a phone?", "12-month"),
    ("My phone fell in water, is it covered?", "water damage"),
    ("What is your phone number?", "0700 000 100"),
    ("How much is a 5 kg bag of rice?", "Rice 5 kg"),
    ("What does cooking oil cost?", "Cooking oil"),
    ("Do you have sugar?", "Sugar 2 kg"),
    ("Price of the Ramtons blender?", "Blender"),
    ("Je, mnapeleka bidhaa Mombasa?", "Mombasa"),
    ("How many points do I need for a voucher?", "50 points"),
    ("Can you wrap a present for me?", "wrap gifts"),
    ("Do restaurants get a discount for large orders?", "10% discount"),
    ("My parcel has not moved, what should I do?", "two days"),
    ("I forgot my password", "Forgot password"),
    ("Can someone install my new fridge?", "technician"),
    ("Puis-je payer par carte Visa ?", "Paybill"),
]

OFF_TOPIC = [
    "Who won the football world cup in 2010?",
    "What is the capital of Australia?",
    "How do I bake sourdough bread at home?",
    "Can you recommend a good movie?",
    "How old is the president?",
]


def faq_pdf() -> bytes:
    pages = [[title, *lines] for title, lines in FAQ_SECTIONS.items()]
    return files.pdf(pages)


def prices_docx() -> bytes:
    return files.docx_file("Price list", ["All prices include VAT and are valid until December."], PRICE_TABLE)
