"""Citizen feedback (좋아요 / 아쉬워요) and the news team's content posts."""
