"""SSRF guard: which URLs may be fetched and which addresses may be connected to.

The fetcher resolves a host once, passes every address through `vet_addresses`,
and connects only to the vetted addresses, so DNS rebinding between check and
connect is impossible. Redirect targets go through the same path.
"""

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import idna

from claims.pipeline.fetch_errors import BadURL, BlockedAddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AllowEntry = tuple[str, int | None]

DEFAULT_PORTS = {"http": 80, "https": 443}
CGNAT = ipaddress.ip_network("100.64.0.0/10")
NAT64_PREFIXES = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
CLOUD_METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)

# Numbers glibc's inet_aton turns into IPv4 addresses: 2130706433, 0x7f.1, 0177.0.0.1, 127.1.
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|\d+)(\.(0x[0-9a-f]*|\d+)){0,3}$")
_HOST_NAME = re.compile(r"^[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*$")
# Characters left as they are in a request target; everything else is percent-encoded.
_SAFE_IN_TARGET = "/?&=%:@!$'()*+,;-._~"


@dataclass(frozen=True)
class Target:
    """A URL that passed the syntax checks, split the way the fetcher needs it."""

    scheme: str
    host: str  # lowercase, IDNA-encoded, no brackets, no trailing dot
    port: int
    request_target: str  # path and query, as sent on the request line
    url: str  # the URL without fragment
    literal_ip: IPAddress | None


def parse_target(url: str) -> Target:
    """Check `url` can be fetched at all (scheme, credentials, host spelling)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise BadURL(f"refused: {url!r} is not a valid URL ({error})", url=url) from error
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        shown = f"{scheme}:" if scheme else "a relative URL"
        raise BadURL(f"refused: {shown} is not fetched, only http and https", url=url)
    if parts.username is not None or parts.password is not None:
        raise BadURL(f"refused: {url!r} carries credentials", url=url)
    if not parts.hostname:
        raise BadURL(f"refused: {url!r} has no host", url=url)
    host, literal_ip = _normalise_host(parts.hostname, url)
    port = port or DEFAULT_PORTS[scheme]
    path = quote(parts.path or "/", safe=_SAFE_IN_TARGET)
    query = quote(parts.query, safe=_SAFE_IN_TARGET)
    request_target = f"{path}?{query}" if query else path
    netloc = f"[{host}]" if ":" in host else host
    if port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    return Target(
        scheme, host, port, request_target, f"{scheme}://{netloc}{request_target}", literal_ip
    )


def parse_allow_hosts(value: str) -> frozenset[AllowEntry]:
    """Parse FACTCHECK_FETCH_ALLOW_HOSTS: comma-separated `host` or `host:port` entries.

    IPv6 addresses go in brackets (`[::1]:8000`). Empty items are ignored, so a
    trailing comma is harmless. Raises ValueError naming the bad entry.
    """
    entries: set[AllowEntry] = set()
    for raw in value.split(","):
        entry = raw.strip()
        if entry:
            entries.add(_parse_allow_entry(entry))
    return frozenset(entries)


def is_allowed(target: Target, allow_hosts: frozenset[AllowEntry]) -> bool:
    return (target.host, None) in allow_hosts or (target.host, target.port) in allow_hosts


def vet_addresses(
    target: Target, addresses: list[str], allow_hosts: frozenset[AllowEntry]
) -> list[str]:
    """Return `addresses` if every one may be connected to, else raise BlockedAddress.

    One bad address refuses the whole host: connecting to "the good one" would
    still let an attacker's DNS choose where we land.
    """
    if not addresses:
        raise BlockedAddress(f"refused: {target.host} has no addresses", url=target.url)
    if is_allowed(target, allow_hosts):
        return addresses
    for text in addresses:
        problem = address_problem(ipaddress.ip_address(text))
        if problem:
            subject = text if text == target.host else f"{target.host} resolves to {text}, which"
            raise BlockedAddress(f"refused: {subject} is {problem}", url=target.url)
    return addresses


def address_problem(address: IPAddress) -> str | None:
    """Describe why `address` must not be reached, or None when it is a public address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            problem = address_problem(embedded)
            return f"{problem} (embedded in an IPv6 address)" if problem else None
    if address in CLOUD_METADATA:
        if address.is_link_local:
            return "a link-local address (cloud metadata)"
        return "a cloud metadata address"
    checks = (
        (address.is_unspecified, "an unspecified address"),
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (
            isinstance(address, ipaddress.IPv4Address) and address in CGNAT,
            "a shared (CGNAT) address",
        ),
        (address.is_private, "a private address"),
        (address.is_reserved, "a reserved address"),
        (not address.is_global, "not a public address"),
    )
    return next((reason for failed, reason in checks if failed), None)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address hidden in a mapped, 6to4, NAT64 or IPv4-compatible IPv6 address."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if any(address in prefix for prefix in NAT64_PREFIXES):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if int(address) >> 32 == 0 and int(address) > 1:  # deprecated ::a.b.c.d
        return ipaddress.IPv4Address(int(address))
    return None


def _normalise_host(hostname: str, url: str) -> tuple[str, IPAddress | None]:
    host = hostname.lower().rstrip(".")
    if "%" in host:
        raise BadURL(f"refused: {hostname!r} has a zone id or percent-encoding", url=url)
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        return str(literal), literal
    if _NUMERIC_HOST.match(host):
        raise BlockedAddress(
            f"refused: {hostname!r} is an unusual spelling of an IP address", url=url
        )
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError as error:
            raise BadURL(f"refused: {hostname!r} is not a valid host name", url=url) from error
    if not _HOST_NAME.match(host):
        raise BadURL(f"refused: {hostname!r} is not a valid host name", url=url)
    return host, None


def _parse_allow_entry(entry: str) -> AllowEntry:
    bad = ValueError(f"FACTCHECK_FETCH_ALLOW_HOSTS: {entry!r} is not a host or host:port")
    try:
        parts = urlsplit(f"//{entry}")
        port = parts.port
    except ValueError as error:
        raise bad from error
    if not parts.hostname or parts.path or parts.query or parts.fragment or "@" in entry:
        raise bad
    try:
        host, _ = _normalise_host(parts.hostname, entry)
    except (BadURL, BlockedAddress) as error:
        raise bad from error
    return host, port
