"""The screens draw the generated icons, not their drawn fallbacks."""
import pygame

from game.ui import widgets


def setup_module():
    pygame.init()


def test_documents_and_help_contacts_use_their_icons(monkeypatch):
    asked = []
    real = widgets.icon

    def spy(name, size):
        img = real(name, size)
        asked.append((name, img is not None))
        return img

    monkeypatch.setattr(widgets, "icon", spy)
    surface = pygame.Surface((200, 200))
    for doc in ("ktp", "passport", "work-visa", "contract", "bpjs", "family-consent"):
        widgets.draw_document(surface, pygame.Rect(0, 0, 48, 48), doc)
    widgets.draw_contact(surface, pygame.Rect(0, 0, 48, 48))
    assert asked and all(found for _, found in asked), asked
    assert ("doc-id-card", True) in asked and ("help-contact", True) in asked
