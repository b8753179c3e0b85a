"""News outlets the importer recognises: names as printed, hosts, home time zone.

The home zone is used only when a page prints a local time with no zone, and
the draft says so in its review list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    zone: str = ""  # IANA zone of the newsroom
    republisher: bool = False  # republishes other outlets' articles (becomes `via`)


OUTLETS = (
    Outlet("Sputnik News", ("Sputnik", "Sputnik International", "Sputnik News"), ("sputniknews.com", "sputnikglobe.com"), "Europe/Moscow"),
    Outlet("TASS", ("TASS", "ITAR-TASS", "TASS Russian News Agency"), ("tass.com", "tass.ru"), "Europe/Moscow"),
    Outlet("RIA Novosti", ("RIA Novosti", "RIA"), ("ria.ru",), "Europe/Moscow"),
    Outlet("Interfax", ("Interfax",), ("interfax.com", "interfax.ru"), "Europe/Moscow"),
    Outlet("RT", ("RT", "Russia Today"), ("rt.com",), "Europe/Moscow"),
    Outlet("Yonhap News Agency", ("Yonhap", "Yonhap News Agency", "Yonhap News"), ("yna.co.kr", "en.yna.co.kr"), "Asia/Seoul"),
    Outlet("Korea Herald", ("The Korea Herald", "Korea Herald"), ("koreaherald.com",), "Asia/Seoul"),
    Outlet("KCNA", ("KCNA", "Korean Central News Agency"), ("kcna.kp", "kcnawatch.org"), "Asia/Pyongyang"),
    Outlet("Xinhua", ("Xinhua", "Xinhua News Agency", "Xinhuanet"), ("xinhuanet.com", "news.cn"), "Asia/Shanghai"),
    Outlet("China Daily", ("China Daily",), ("chinadaily.com.cn",), "Asia/Shanghai"),
    Outlet("Global Times", ("Global Times",), ("globaltimes.cn",), "Asia/Shanghai"),
    Outlet("Kyodo News", ("Kyodo", "Kyodo News"), ("kyodonews.net",), "Asia/Tokyo"),
    Outlet("IRNA", ("IRNA", "Islamic Republic News Agency"), ("irna.ir", "en.irna.ir"), "Asia/Tehran"),
    Outlet("Press TV", ("Press TV", "PressTV", "Iran Press TV"), ("presstv.ir", "presstv.com")),
    Outlet("Mehr News Agency", ("Mehr", "Mehr News", "MNA"), ("mehrnews.com",), "Asia/Tehran"),
    Outlet("Tasnim News Agency", ("Tasnim", "Tasnim News Agency"), ("tasnimnews.com",), "Asia/Tehran"),
    Outlet("Fars News Agency", ("Fars", "FNA", "Fars News Agency"), ("farsnews.ir",), "Asia/Tehran"),
    Outlet("Anadolu Agency", ("Anadolu", "Anadolu Agency", "AA"), ("aa.com.tr",), "Europe/Istanbul"),
    Outlet("KUNA", ("KUNA", "Kuwait News Agency"), ("kuna.net.kw",), "Asia/Kuwait"),
    Outlet("PTI", ("PTI", "Press Trust of India"), ("ptinews.com",), "Asia/Kolkata"),
    Outlet("IANS", ("IANS", "Indo-Asian News Service"), ("ians.in",), "Asia/Kolkata"),
    Outlet("India TV News", ("India TV", "India TV News", "IndiaTV"), ("indiatvnews.com",), "Asia/Kolkata"),
    Outlet("The Japan Times", ("The Japan Times", "Japan Times"), ("japantimes.co.jp",), "Asia/Tokyo"),
    Outlet("International Business Times", ("International Business Times", "IBTimes"), ("ibtimes.com",), "America/New_York"),
    Outlet("China Development Gateway (chinagate.cn)", ("China Development Gateway", "chinagate.cn"), ("chinagate.cn", "chinagate.com.cn"), "Asia/Shanghai"),
    Outlet("Reuters", ("Reuters",), ("reuters.com",)),
    Outlet("Associated Press", ("AP", "Associated Press", "The Associated Press"), ("apnews.com",)),
    Outlet("AFP", ("AFP", "Agence France-Presse"), ("afp.com",)),
    Outlet("Voice of America", ("VOA", "Voice of America", "VOA News"), ("voanews.com",), "America/New_York"),
    Outlet("BBC News", ("BBC", "BBC News"), ("bbc.co.uk", "bbc.com", "bbci.co.uk"), "Europe/London"),
    Outlet("Tehran Times", ("Tehran Times", "The Tehran Times"), ("tehrantimes.com",), "Asia/Tehran"),
    Outlet("The Hindu", ("The Hindu", "Hindu"), ("thehindu.com",), "Asia/Kolkata"),
    Outlet("Global Security Newswire", ("Global Security Newswire", "GSN"), ("nti.org",), "America/New_York"),
    Outlet("National Journal", ("National Journal",), ("nationaljournal.com",), "America/New_York"),
    Outlet("World Food Programme", ("World Food Programme", "WFP", "World Food Program"), ("wfp.org",)),
    Outlet("United Nations", ("United Nations", "UN Meetings Coverage and Press Releases"), ("press.un.org", "un.org")),
    Outlet("The Guardian", ("The Guardian", "Guardian"), ("theguardian.com",), "Europe/London"),
    Outlet("Al Jazeera", ("Al Jazeera", "Al Jazeera English"), ("aljazeera.com",), "Asia/Qatar"),
    Outlet("The Times of India", ("Times of India", "TOI"), ("timesofindia.indiatimes.com",), "Asia/Kolkata"),
    Outlet("UN News", ("UN News", "UN News Centre", "United Nations News"), ("news.un.org",)),
    Outlet("U.S. Department of State", ("U.S. Department of State", "Department of State", "State Department", "Office of the Spokesperson"), ("state.gov",), "America/New_York"),
    Outlet("Ministry of Foreign Affairs of the Russian Federation", ("Russian Foreign Ministry", "MID", "Ministry of Foreign Affairs of the Russian Federation"), ("mid.ru",), "Europe/Moscow"),
    Outlet("American Forces Press Service", ("American Forces Press Service", "AFPS"), ("defense.gov",), "America/New_York"),
    Outlet("GlobalSecurity.org", ("GlobalSecurity.org", "GlobalSecurity"), ("globalsecurity.org",), republisher=True),
    Outlet("ReliefWeb", ("ReliefWeb",), ("reliefweb.int",), republisher=True),
)  # fmt: skip

_BY_NAME = {alias.casefold(): outlet for outlet in OUTLETS for alias in (outlet.name, *outlet.aliases)}
# Short all-capital aliases ("AP", "RT", "AA") count only as printed, never inside prose.
_ALIASES = sorted(_BY_NAME, key=len, reverse=True)


@lru_cache(maxsize=8192)
def by_name(text: str) -> Outlet | None:
    """The outlet a short line or dateline credit names: "Sputnik News", "(Yonhap)", "/TASS/"."""
    cleaned = re.sub(r"[()/\[\]]", " ", text).strip(" .,-–—|:").casefold()
    cleaned = re.sub(r"\s+", " ", cleaned)
    found = _BY_NAME.get(cleaned) or _BY_NAME.get(cleaned.removeprefix("the "))
    if found is None and re.search(r"\s[-–—|]\s", cleaned):
        # "IRNA - Islamic Republic News Agency": any part may be the name.
        parts = [p.strip() for p in re.split(r"\s[-–—|]\s", cleaned)]
        found = next((_BY_NAME[p] for p in parts if p in _BY_NAME), None)
    if found is None and re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", cleaned):
        found = by_host("http://" + cleaned)  # a site printing its own address: "voanews.com"
    return found


def by_host(url: str) -> Outlet | None:
    host = urlsplit(url).netloc.lower().removeprefix("www.")
    for outlet in OUTLETS:
        if any(host == h or host.endswith("." + h) for h in outlet.hosts):
            return outlet
    return None


_MENTION = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in _ALIASES if len(a) > 3) + r")(?!\w)")


def mentioned_in(line: str) -> Outlet | None:
    """An outlet named inside a longer line, e.g. a copyright notice (longest name first)."""
    match = _MENTION.search(line.casefold())
    return _BY_NAME[match.group(0)] if match else None
