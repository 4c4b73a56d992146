"""Change-set signatures: each change set carries its origin site's Ed25519 signature.

A bundle's own signature proves which site sent the file; a change set may have been made at
another site and relayed. Its separate signature, over its own domain string, lets every site
check that no relaying site altered it. The caller must also check that the origin site named
inside the change set is the site whose identity it verifies with.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature

from entre_desktop.i18n import _
from entre_desktop.sync.envelope import SIGNATURE_LENGTH, BundleError
from entre_desktop.sync.identity import SiteIdentity, SiteKeys

_CHANGESET_DOMAIN = b"entre-changeset-v1\x00"


class ChangesetSignatureError(BundleError):
    reason = "bad_changeset_signature"


def sign_changeset(data: bytes, keys: SiteKeys) -> bytes:
    """The 64-byte signature of ``keys``' site over the encoded change set ``data``."""
    return keys.signing_key.sign(_CHANGESET_DOMAIN + data)


def verify_changeset(data: bytes, signature: bytes, identity: SiteIdentity) -> None:
    """Raise ChangesetSignatureError unless ``identity``'s site signed exactly ``data``."""
    try:
        if len(signature) != SIGNATURE_LENGTH:
            raise InvalidSignature
        identity.public_signing_key().verify(signature, _CHANGESET_DOMAIN + data)
    except InvalidSignature:
        raise ChangesetSignatureError(
            _(
                "A change set said to come from site {site} does not carry that site's valid "
                "signature: it was changed after the site made it, possibly by a site that "
                "passed it on. It was refused. Tell your coordinator, and ask site {site} for "
                "a new bundle.",
                site=identity.site_name,
            ),
            site_id=identity.site_id,
        ) from None
