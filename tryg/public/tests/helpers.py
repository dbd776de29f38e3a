import re

from django.urls import reverse

CODE = re.compile(r'id="receipt-code"[^>]*>(.*?)</p>', re.S)


def code_from(response) -> str:
    """The receipt code as shown (ABCD-EFGH-…), from the page that shows it once."""
    return re.sub(r"<[^>]+>", "", CODE.search(response.content.decode()).group(1)).strip()


def send_message(client, **overrides):
    data = {
        "text": "Min familie vil have, at jeg bliver gift til sommer.",
        "involved": "min far",
        "age_band": "16-17",
        "municipality": "851",
        "region": "",
        "contact": "only_here",
        "contact_how": "",
    }
    data.update(overrides)
    return client.post(reverse("public:contact"), data)


def send_notification(client, **overrides):
    data = {
        "municipality": "851",
        "child_name": "Sara Testesen",
        "age_group": "13-17",
        "description": "Hun fortæller, at hun skal sendes til udlandet.",
        "notifier_name": "",
        "notifier_contact": "",
        "understood": "on",
    }
    data.update(overrides)
    return client.post(reverse("public:notify"), data)
