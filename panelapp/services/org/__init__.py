"""The institution (기관 정보): the one organization running the panel, as every output names it.

`manage` reads and saves it (name, address, office phone, logo, the sign-off chain of printed
documents); `rules` holds the checks of each field; `named_organization` is what every output
asks for, refusing with a sentence while no name was registered.
"""
