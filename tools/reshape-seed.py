#!/usr/bin/env python3
"""Reshape the shared fact base (seed.json) into BurdenShift's public-record import file.

Reads   ../shared/domain/seed.json   (structured facts; every number cites its `sources` registry)
Writes  src/BurdenShift.Core/Data/Seeding/public-record.json   (relative to the repo root)

Context: ../shared/domain/facts.md (the same facts in prose, confidence scale) and
../shared/design/methodology.md (areas, share assessments, indicators, targets, milestones).

Honesty rules applied here:
  * only published figures; every figure names a source key from the registry and a confidence;
  * proxies are labelled "Proxy:" in the note;
  * nothing is invented: no zeros, no guessed values; non-numeric seed values ("<5", "24 -> 12",
    "75-80", "~90", "reduced", null) never become numeric observations;
  * every seed figure is either mapped or listed as skipped (with the reason) in the summary.

Stdlib only. Exit status is non-zero when validation fails.

Usage: python3 tools/reshape-seed.py [--seed PATH] [--out PATH]
"""

import argparse
import calendar
import datetime as dt
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_SEED = os.path.join(os.path.dirname(REPO), "shared", "domain", "seed.json")
DEFAULT_OUT = os.path.join(REPO, "src", "BurdenShift.Core", "Data", "Seeding", "public-record.json")

COMPILED = "2026-11-28"
CONFIDENCES = {"high", "medium", "low"}
STATUSES = {"planned", "in-progress", "done", "slipped", "cancelled"}
DIRECTIONS = {"up", "down"}

# Seed area keys -> the product's standard area keys (methodology.md "Terms").
AREA_MAP = {
    "isr": "isr",
    "air_missile_defence": "air-defence",
    "long_range_strike": "missiles",
    "ammunition": "ammunition",
    "drones_cuas": "drones",
    "cyber": "cyber",
    "strategic_enablers": "enablers",
}

SOURCE_CHECK_NOTE = "Source check: the cited source does not describe this event; an editor should replace it."

# Milestones whose cited source does not describe the event (seed errors, checked by hand).
# Keyed by the start of the seed title.
WRONG_SOURCE_MILESTONES = {
    "Russia launches full-scale invasion of Ukraine": "edirpa-reg",
    "Versailles Declaration": "asap-reg",
    "Strategic Compass approved": "asap-reg",
}

# Milestones whose citation is weak but not wrong: the source mentions the event, so the
# "does not describe" note would be false. A softer editor note is added instead.
WEAK_SOURCE_MILESTONES = {
    "EU-wide military mobility area": (
        "roadmap-space-shield",
        "Source check: cited via a secondary summary of the Roadmap (its note does mention the "
        "EU-wide military mobility area by 2027); an editor should cite the Roadmap text itself.",
    ),
    "First EU Annual Defence Readiness Report": (
        "euco-2025-10-23",
        "Source check: the cited OSW analysis mentions the annual readiness report but the "
        "October 2026 due month is not confirmed by it; an editor should verify the date.",
    ),
    "EU defence readiness: current shortfalls filled": (
        "kallas-roadmap-2025-10-16",
        "Source check: the cited remarks support the 2030 shortfall goal only; the EDIS >=50% "
        "EDTIB part comes from edis-2024-03-05.",
    ),
    "Council approves first 8 SAFE national plans": (
        "safe-council-2026-02",
        "Source check: the cited source is dated 2026-02-10, before the approval it is cited for; "
        "an editor should check it.",
    ),
    "Council approves 8 more SAFE plans": (
        "safe-council-2026-02",
        "Source check: the cited source is dated 2026-02-10, before the approval it is cited for; "
        "an editor should check it.",
    ),
    "US tells allies it will shrink its NATO Force Model contribution": (
        "force-model-2026-05",
        "Source check: the cited report is dated 2026-05-20, two days before the 22 May "
        "announcement; it may describe the plan rather than the event.",
    ),
    "EU plan to deliver 1 million 155mm shells": (
        "one-million-pledge-2023",
        "Source check: the cited URL's slug points to a (CNN-based) story on Russian shell "
        "production outpacing the US and Europe, not the March 2023 pledge; its date 2023-03-20 may be "
        "the pledge date rather than the publication date. An editor should check it.",
    ),
}

# ---------------------------------------------------------------------------------------------
# Indicators. Definitions, then a rule for every numeric seed figure (include or skip, with why).
# ---------------------------------------------------------------------------------------------
INDICATORS = {
    "eu-155mm-capacity": dict(area="ammunition", name="EU 155mm artillery shell production capacity",
                              unit="shells/yr", direction="up"),
    "us-share-nato-spending": dict(area=None, name="US share of NATO defence expenditure",
                                   unit="%", direction="down"),
    "europe-canada-defence-pct-gdp": dict(area=None, name="Europe + Canada defence expenditure (% of GDP, NATO definition)",
                                          unit="% of GDP", direction="up"),
    "eu27-defence-spending": dict(area=None, name="EU-27 defence expenditure (EDA)",
                                  unit="EUR bn", direction="up"),
    "us-forces-europe": dict(area=None, name="US forces in Europe (context: fewer US troops = more handover)",
                             unit="troops", direction="down"),
    "essi-participating-states": dict(area="air-defence", name="European Sky Shield Initiative participating states",
                                      unit="countries", direction="up"),
    "nato-e3a-awacs": dict(area="isr", name="NATO-owned E-3A AWACS aircraft in service",
                           unit="aircraft", direction="up"),
    "nato-mmf-mrtt-fleet": dict(area="enablers", name="NATO Multinational MRTT Fleet (pooled European A330 tankers)",
                                unit="aircraft", direction="up"),
    "europe-naval-lacm-states": dict(area="missiles", name="European states fielding ~1,000 km naval land-attack cruise missiles",
                                     unit="countries", direction="up"),
}

INDICATOR_TARGETS = {
    "eu-155mm-capacity": [dict(
        key="2027",
        label="Hold 2 m shells/yr (EU end-2025 ASAP target carried to the US 2027 deadline)",
        deadline="2027-12-31",
        value=2000000,
        rationale=("No EU capacity figure for 2027 has been published, so the 2,000,000 shells/yr target is carried to the US deadline. The EU set 2,000,000 "
                   "shells/yr from end-2025 (ASAP); attainment of that target is unconfirmed."),
        source="asap-allocation-2024-03-15",
    )],
    "europe-canada-defence-pct-gdp": [dict(
        key="2035",
        label="NATO Hague commitment: at least 3.5% of GDP on core defence by 2035",
        deadline="2035-12-31",
        value=3.5,
        rationale=("Hague Summit Declaration (25 Jun 2025): >=3.5% core defence + up to 1.5% defence/security-related "
                   "by 2035, annual plans, review in 2029. The commitment is per ally; shown here against the "
                   "Europe + Canada aggregate."),
        source="hague-declaration-2025-06-25",
    )],
}

# Rules for seed figures. Match on (section, label, asOf); asOf None matches any.
# ("obs", indicator key, source key, note)  -> observation (value from the seed figure)
# ("skip", reason)                           -> listed in the summary
RULES = [
    # --- areas[].indicators -------------------------------------------------------------
    ("area:isr", "NATO-owned E-3A AWACS in service", None,
     ("obs", "nato-e3a-awacs", "e7-cancel-2025-11-13",
      "14 of the original 18 remain; they retire by 2035. The six-aircraft E-7 replacement was cancelled on "
      "13 Nov 2025 after the US withdrew (July 2025).")),
    ("area:isr", "ESA ERS Earth-observation Phase 1 subscribed at CM25", None,
     ("skip", "one-off funding decision (EUR 166.63 m), not a capability level with a time series")),
    ("area:air_missile_defence", "NATO required increase in AMD", None,
     ("skip", "a requirement (Rutte's +400%), not a measurement; x4 vs x5 ambiguity")),
    ("area:air_missile_defence", "ESSI participating states", None,
     ("obs", "essi-participating-states", "essi-2024-05", "After Poland's accession.")),
    ("area:air_missile_defence", "Long-range SAM systems in IISS US-replacement list", None,
     ("skip", "a replacement requirement in a cost scenario (IISS), not a European inventory")),
    ("area:long_range_strike", "European states with ~1,000 km naval LACM", None,
     ("obs", "europe-naval-lacm-states", "iiss-2025-09",
      "France and the UK only (IISS assessment, Sep 2025, seen via press summaries).")),
    ("area:long_range_strike", "ELSA / UK-DE target range", None,
     ("skip", "a weapon specification (>2,000 km range), not a measured quantity")),
    ("area:ammunition", "EU 155mm capacity before the war", None,
     ("obs", "eu-155mm-capacity", "kubilius-ft-2025-08",
      "Pre-war capacity as stated by Kubilius (FT via TASS). Industry alternative estimate: ~230,000.")),
    ("area:ammunition", "EU 155mm capacity", "2023-03",
     ("obs", "eu-155mm-capacity", "breton-2024-03",
      "Breton statement, reported by mil.in.ua (single low-reliability outlet).")),
    ("area:ammunition", "EU 155mm capacity (Commission)", None,
     ("obs", "eu-155mm-capacity", "asap-allocation-2024-03-15", None)),
    ("area:ammunition", "EU 155mm capacity expected end-2024 (Commission)", None,
     ("obs", "eu-155mm-capacity", "commission-2024-09",
      "Expectation, not a measured figure: the Commission (Sep 2024) expected at least 1.4 m/yr by end-2024. "
      "Contested: Breton said 1.3-1.4 m (Jan 2024, breton-2024-01) and later 1.7 m; an industry insider said "
      "under 0.5 m.")),
    ("area:ammunition", "EU/Europe 155mm capacity target end-2025", None,
     ("skip", "a target, not an observation; used as indicator target eu-155mm-capacity/2027 (attainment unconfirmed)")),
    ("area:ammunition", "US 155mm output", None,
     ("skip", "US output (comparator, different unit rounds/month), not a European indicator")),
    ("area:ammunition", "Russia artillery ammunition output (NATO intel via CNN)", None,
     ("skip", "Russian output (comparator), not a European indicator")),
    ("area:ammunition", "Minimum stock for 90 days high-intensity combat w/o US (Bruegel)", None,
     ("skip", "a think-tank benchmark (Bruegel), not a measurement")),
    ("area:drones_cuas", "Long-range drones Europe should produce per year (Bruegel)", None,
     ("skip", "a think-tank benchmark (Bruegel), not a measurement")),
    ("area:drones_cuas", "Russian drones entering Polish airspace 9-10 Sep 2025", None,
     ("skip", "a single incident count with no sensible direction for the handover")),
    ("area:drones_cuas", "EU Drone Alliance with Ukraine (ERA loan)", None,
     ("skip", "one-off funding announcement (EUR 6 bn), not a capability series")),
    ("area:drones_cuas", "EU funds for drones agreed with Ukraine", None,
     ("skip", "one-off funding decision (EUR 2 bn), not a capability series")),
    ("area:cyber", "NATO Integrated Cyber Defence Centre (SHAPE) full operational capability", None,
     ("skip", "a date (FOC 2028), not a quantity; kept as a milestone")),
    ("area:strategic_enablers", "US share of NATO AAR capability", None,
     ("skip", "already the enablers share assessment (usShare 90, 2014); not duplicated as an indicator")),
    ("area:strategic_enablers", "US tanker fleet", None,
     ("skip", "US inventory (comparator), not a European indicator")),
    ("area:strategic_enablers", "NATO Multinational MRTT Fleet", None,
     ("obs", "nato-mmf-mrtt-fleet", "mmf-2024-06",
      "Eighth A330 MRTT delivered June 2024; 10 expected by 2026 (expectation, not recorded as an observation).")),
    ("area:strategic_enablers", "IRIS2 secure-connectivity constellation operational", None,
     ("skip", "a date ('around 2029'), not a quantity; kept as a milestone")),
    # --- spending.allianceTotals ------------------------------------------------------------
    ("spending.allianceTotals", "US share of NATO defence expenditure", "2024",
     ("obs", "us-share-nato-spending", "nato-ar-2024", "NATO Secretary General Annual Report 2024.")),
    ("spending.allianceTotals", "US share of NATO defence expenditure", "2025 (est.)",
     ("obs", "us-share-nato-spending", "nato-est-2025-08",
      "Derived: 845 / (845 + 559), NATO estimates (constant 2021 prices); basis may differ from the 2024 "
      "Annual Report figure.")),
    ("spending.allianceTotals", "US share of allied GDP", None,
     ("skip", "economic context, not a defence-burden measure")),
    ("spending.allianceTotals", "Europe + Canada defence expenditure", None,
     ("skip", "price basis of the 2024 USD 486 bn not stated (News.az gave 468); not combined with the 2025 "
              "constant-2021-price figure")),
    ("spending.allianceTotals", "US defence expenditure (constant 2021 prices)", None,
     ("skip", "US spending level; used only inside the derived US-share observation")),
    ("spending.allianceTotals", "Europe + Canada defence expenditure (constant 2021 prices)", None,
     ("skip", "single point on a price basis no other seed figure shares; used inside the derived US-share observation")),
    ("spending.allianceTotals", "Europe + Canada defence spending", None,
     ("obs", "europe-canada-defence-pct-gdp", "nato-est-2025-08", "NATO estimate (Aug 2025).")),
    ("spending.allianceTotals", "NATO total defence spending", None,
     ("skip", "alliance total including the US, not a European indicator")),
    ("spending.allianceTotals", "NATO total defence spending (constant prices)", None,
     ("skip", "alliance total including the US, not a European indicator")),
    ("spending.allianceTotals", "EU-27 defence expenditure", "2024",
     ("obs", "eu27-defence-spending", "eda-2025-09-02", "1.9% of GDP; investment above EUR 100 bn.")),
    ("spending.allianceTotals", "EU-27 defence expenditure", "2025 (est.)",
     ("obs", "eu27-defence-spending", "eda-2025-09-02",
      "2.1% of GDP; EUR 392 bn in current prices.")),
    ("spending.allianceTotals", "EU-27 spend needed for 3.5% of GDP", None,
     ("skip", "a requirement (> EUR 630 bn/yr), not a measurement")),
    ("spending.allianceTotals", "US defence expenditure (EDA comparison)", None,
     ("skip", "US spending (comparator); note the EUR 845 bn coincides with NATO's USD 845 bn for 2025 - editor should check")),
    ("spending.allianceTotals", "US military expenditure (SIPRI)", None,
     ("skip", "US spending (comparator), SIPRI basis")),
    ("spending.allianceTotals", "Europe military expenditure (SIPRI)", None,
     ("skip", "SIPRI basis (all Europe, not NATO definition); single point, not mixed with NATO/EDA series")),
    ("spending.allianceTotals", "US share of NATO military expenditure (SIPRI)", None,
     ("skip", "SIPRI basis; not mixed into the NATO-basis US-share series")),
    # --- spending.targets -------------------------------------------------------------------
    ("spending.targets", "NATO core defence spending target (by 2035)", None,
     ("skip", "a target; used as indicator target europe-canada-defence-pct-gdp/2035")),
    ("spending.targets", "NATO defence- and security-related spending (by 2035)", None,
     ("skip", "a target ('up to' 1.5%), not tracked by any indicator")),
    ("spending.targets", "SAFE loans", None, ("skip", "a financial instrument size, not a measurement")),
    ("spending.targets", "ReArm Europe mobilisation", None, ("skip", "a financial instrument size, not a measurement")),
    ("spending.targets", "EDIP grants 2025-2027", None, ("skip", "a financial instrument size, not a measurement")),
    # --- usPosture --------------------------------------------------------------------------
    ("usPosture", "US forces in Europe", "2025-10",
     ("obs", "us-forces-europe", "nato-troops-2025-10", "'Near 100,000' (NATO official); approximate.")),
    ("usPosture", "US forces in Europe", "2026-02-12",
     ("obs", "us-forces-europe", "colby-2026-02-12",
      "'About 85,000' (Guardian report of Colby's speech); approximate.")),
    # --- replacementEstimates ---------------------------------------------------------------
    ("replacementEstimates", "Cost to replace key US conventional capabilities (IISS)", None,
     ("skip", "a replacement-cost estimate, not a measured quantity")),
    ("replacementEstimates", "US personnel assumed in a European war (IISS)", None,
     ("skip", "a scenario assumption, not a measured quantity")),
    ("replacementEstimates", "Extra European defence spending needed without US (Bruegel/Kiel)", None,
     ("skip", "a think-tank requirement, not a measurement")),
    ("replacementEstimates", "Extra troops needed without US (Bruegel/Kiel)", None,
     ("skip", "a think-tank requirement, not a measurement")),
    ("replacementEstimates", "Time to recapitalise European forces without US (IISS 2019)", None,
     ("skip", "a duration estimate, not a measured quantity")),
    ("replacementEstimates", "Europe's level vs new NATO capability targets (Kubilius estimate)", None,
     ("skip", "a stated guess ('we can guess ... 50%') of targets met, not a US-vs-Europe share or a measurement")),
]

# Observations that the seed carries only inside a note. Each is checked against the note text.
NOTE_OBSERVATIONS = [
    dict(indicator="europe-canada-defence-pct-gdp", asOf="2014", value=1.40, source="nato-est-2025-08",
         confidence="high", note="Reported with NATO's 2025 estimates.",
         evidence=("spending.allianceTotals", "Europe + Canada defence spending", "1.40% in 2014")),
    dict(indicator="europe-canada-defence-pct-gdp", asOf="2024", value=1.99, source="nato-est-2025-08",
         confidence="high", note="Reported with NATO's 2025 estimates.",
         evidence=("spending.allianceTotals", "Europe + Canada defence spending", "1.99% in 2024")),
    dict(indicator="essi-participating-states", asOf="2022-10-13", value=15, source="essi-2022-10-13",
         confidence="high", note="Letter of intent signed by 14 NATO Allies and Finland.",
         evidence=("area:air_missile_defence", "ESSI participating states", "15 at launch (13 Oct 2022)")),
    dict(indicator="essi-participating-states", asOf="2023-02", value=17, source="essi-2023-02",
         confidence="medium", note="Denmark and Sweden join.",
         evidence=("area:air_missile_defence", "ESSI participating states", "17 (Feb 2023)")),
]

# Which source supports each seed share figure (must be in the area's `sources` list).
SHARE_SOURCES = {"isr": "libya-2011-wsj", "strategic_enablers": "rusi-2014-aar"}
# Why each share figure is a proxy (prefix after "Proxy:" when the seed basis lacks it).
SHARE_PROXY = {
    "isr": None,  # the seed's shareBasis already starts with "Proxy:"
    "strategic_enablers": "covers air-to-air refuelling only and dates from 2014.",
}

# ---------------------------------------------------------------------------------------------
DATE_RES = [
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"), "month"),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "day"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})-H([12])$"), "half"),
]


def date_kind(s):
    if not isinstance(s, str):
        return None
    for rx, kind in DATE_RES:
        m = rx.match(s)
        if m:
            if kind == "day":
                try:
                    dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    return None
            return kind
    return None


def period_end(s):
    """End of the period a partial date names (how the app reads it)."""
    kind = date_kind(s)
    y = int(s[:4])
    if kind == "year":
        return dt.date(y, 12, 31)
    if kind == "month":
        m = int(s[5:7])
        return dt.date(y, m, calendar.monthrange(y, m)[1])
    if kind == "day":
        return dt.date.fromisoformat(s)
    if kind == "quarter":
        m = int(s[6]) * 3
        return dt.date(y, m, calendar.monthrange(y, m)[1])
    if kind == "half":
        return dt.date(y, 6, 30) if s[6] == "1" else dt.date(y, 12, 31)
    raise ValueError(s)


def normalise_date(raw):
    """Return (partial date string, is_estimate) or (None, False) when not a single period."""
    if raw is None:
        return None, False
    s = str(raw).strip()
    estimate = False
    m = re.match(r"^(.*?)\s*\((est\.?|estimate|expected)\)$", s, re.I)
    if m:
        s, estimate = m.group(1).strip(), True
    return (s, estimate) if date_kind(s) else (None, False)


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def join_notes(*parts):
    parts = [p.strip() for p in parts if p and p.strip()]
    if not parts:
        return None
    out = []
    for p in parts:
        last = p.split()[-1]
        keep = p[-1] in ".!?)'\"" or last.startswith("http") or "://" in last
        out.append(p if keep else p + ".")
    return " ".join(out)


def assign_confidence(src):
    """facts.md scale, for a registry entry that lacks a confidence."""
    pub = (src.get("publisher") or "").lower()
    if any(w in pub for w in ("aggregator", "leaked", "draft")):
        return "low"  # single low-reliability aggregator or leaked draft
    if any(pub.startswith(w) for w in ("eur-lex", "nato", "european commission", "council of the eu")) and "via" not in pub:
        return "high"  # primary official text
    return "medium"  # one reputable outlet or secondary copies of a primary


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", default=DEFAULT_SEED)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()

    with open(args.seed, encoding="utf-8") as f:
        seed = json.load(f)

    errors, warnings, skipped, notes_log = [], [], [], []

    # ------------------------------------------------------------------ sources
    registry = {}
    for s in seed["sources"]:
        if s["id"] in registry:
            errors.append(f"duplicate source id in registry: {s['id']}")
        registry[s["id"]] = dict(s)
    added_sources = []

    def absorb(src, where):
        sid = src["id"]
        if sid not in registry:
            registry[sid] = dict(src)
            added_sources.append(f"{sid} (from {where})")
        elif registry[sid] != src:
            # keep the registry entry; fill in only fields it lacks
            for k, v in src.items():
                if k not in registry[sid] and v is not None:
                    registry[sid][k] = v
            warnings.append(f"source {sid} in {where} differs from the registry entry; registry entry kept")

    for m in seed["milestones"]:
        absorb(m["source"], f"milestone '{m['title']}'")
    for a in seed["areas"]:
        for s in a.get("sources", []):
            absorb(s, f"area {a['key']}")

    sources_out = []
    for sid in sorted(registry):
        s = registry[sid]
        conf = s.get("confidence")
        note_extra = None
        if conf not in CONFIDENCES:
            conf = assign_confidence(s)
            note_extra = f"Confidence '{conf}' assigned by the reshape script from the facts.md scale (none in seed)"
            notes_log.append(f"source {sid}: confidence assigned '{conf}'")
        published, _ = normalise_date(s.get("date"))
        if s.get("date") and not published:
            errors.append(f"source {sid}: unparseable date {s.get('date')!r}")
        via = s.get("via")
        sources_out.append({
            "key": sid,
            "publisher": s.get("publisher"),
            "title": s.get("title"),
            "published": published,
            "url": s.get("url") or None,
            "confidence": conf,
            "note": join_notes(s.get("note"), f"Via: {via}" if via else None, note_extra),
        })
    source_keys = {s["key"] for s in sources_out}

    # ------------------------------------------------------------------ areas + shares
    areas_out, shares_out = [], []
    for a in seed["areas"]:
        if a["key"] not in AREA_MAP:
            errors.append(f"unmapped seed area key {a['key']}")
            continue
        key = AREA_MAP[a["key"]]
        areas_out.append({"key": key, "name": a["name"], "description": a["description"],
                          "shareBasis": a.get("shareBasis")})
        us, eu = a.get("usShare"), a.get("europeShare")
        if us is None and eu is None:
            skipped.append(f"share {key}: no public US/Europe share figure (left empty, not zero)")
            continue
        for label, v in (("usShare", us), ("europeShare", eu)):
            if v is not None and not is_number(v):
                errors.append(f"area {a['key']}: {label} {v!r} is not a number")
        as_of, est = normalise_date(a.get("asOf"))
        src = SHARE_SOURCES.get(a["key"])
        area_src_ids = [s["id"] for s in a.get("sources", [])]
        if src is None:
            errors.append(f"area {a['key']}: share figure but no source chosen in SHARE_SOURCES")
            continue
        if src not in area_src_ids:
            errors.append(f"area {a['key']}: share source {src} not in the area's sources list")
        if as_of and not str(registry.get(src, {}).get("date", "")).startswith(as_of[:4]):
            warnings.append(f"area {a['key']}: share source {src} is not dated in {as_of[:4]}")
        basis = a.get("shareBasis") or ""
        if not basis.startswith("Proxy:"):
            why = SHARE_PROXY.get(a["key"])
            if why is None:
                errors.append(f"area {a['key']}: share basis is not labelled as proxy and no proxy reason given")
            basis = f"Proxy: {why} {basis}".strip()
        conf = a.get("shareConfidence")
        shares_out.append({
            "area": key, "asOf": as_of,
            "europeShare": eu, "usShare": us,
            "source": src, "confidence": conf,
            "note": join_notes(basis, "Estimate" if est else None),
        })

    # ------------------------------------------------------------------ indicators
    entries = []  # (section, entry)
    for a in seed["areas"]:
        for ind in a.get("indicators", []):
            entries.append((f"area:{a['key']}", ind))
    for e in seed["spending"]["allianceTotals"]:
        entries.append(("spending.allianceTotals", e))
    for e in seed["spending"]["targets"]:
        entries.append(("spending.targets", e))
    for e in seed["usPosture"]:
        entries.append(("usPosture", e))
    for e in seed["replacementEstimates"]:
        entries.append(("replacementEstimates", e))

    def find_rule(section, e):
        hits = [r for r in RULES if r[0] == section and r[1] == e.get("label")
                and (r[2] is None or r[2] == e.get("asOf"))]
        return hits

    observations = {k: [] for k in INDICATORS}
    used_rules = set()
    for section, e in entries:
        label, value = e.get("label"), e.get("value")
        tag = f"{section} / {label} ({e.get('asOf')})"
        if not is_number(value):
            skipped.append(f"{tag}: value {value!r} is not a plain number (not converted)")
            continue
        hits = find_rule(section, e)
        if len(hits) != 1:
            errors.append(f"{tag}: {len(hits)} rules match; every numeric seed figure needs exactly one rule")
            continue
        rule = hits[0]
        used_rules.add(id(rule))
        action = rule[3]
        if action[0] == "skip":
            skipped.append(f"{tag} = {value}: {action[1]}")
            continue
        _, ind_key, src, note = action
        if src not in e.get("sources", []):
            errors.append(f"{tag}: chosen source {src} is not among the figure's sources {e.get('sources')}")
        as_of, est = normalise_date(e.get("asOf"))
        if not as_of:
            errors.append(f"{tag}: asOf {e.get('asOf')!r} is not a single period")
            continue
        observations[ind_key].append({
            "asOf": as_of, "value": value, "source": src, "confidence": e.get("confidence"),
            "note": join_notes(note if note else None,
                               "Estimate" if est and not (note and "estimate" in note.lower()) else None,
                               e.get("note") if note is None else None,
                               f"Derived: {e['formula']}" if e.get("derived") and not (note and "Derived" in note) else None),
        })

    for r in RULES:
        if id(r) not in used_rules:
            errors.append(f"rule never matched a seed figure: {r[0]} / {r[1]} ({r[2]})")

    # figures carried only inside notes: verify the text, then add
    by_label = {}
    for section, e in entries:
        by_label.setdefault((section, e.get("label")), []).append(e)
    for n in NOTE_OBSERVATIONS:
        section, label, text = n["evidence"]
        es = by_label.get((section, label), [])
        seed_note_hits = [e for e in es if text in (e.get("note") or "")]
        reg_note = registry.get(n["source"], {})
        if not seed_note_hits:
            errors.append(f"note observation {n['indicator']} {n['asOf']}: text {text!r} not found in seed note")
            continue
        if n["source"] not in seed_note_hits[0].get("sources", []):
            errors.append(f"note observation {n['indicator']} {n['asOf']}: source {n['source']} not cited by the seed figure")
        observations[n["indicator"]].append({
            "asOf": n["asOf"], "value": n["value"], "source": n["source"],
            "confidence": n["confidence"],
            "note": join_notes(n["note"]),
        })
        _ = reg_note

    indicators_out = []
    for key in sorted(INDICATORS):
        d = INDICATORS[key]
        obs = sorted(observations[key], key=lambda o: (period_end(o["asOf"]), o["asOf"]))
        if not obs:
            errors.append(f"indicator {key} has no observations")
        indicators_out.append({
            "key": key, "area": d["area"], "name": d["name"], "unit": d["unit"], "direction": d["direction"],
            "observations": obs,
            "targets": INDICATOR_TARGETS.get(key, []),
        })

    # seed sections skipped wholesale
    skipped.append("spending.countryPctGdp (4 per-country series, 31 countries each): per-country % of GDP is "
                   "not an area or alliance-wide handover indicator; mixed vintages - not imported")
    skipped.append("spending.safeAllocationsEURbn (19 countries): loan allocations, not measurements - not imported")
    skipped.append("areas[].target2027/target2030 and targetDefinitions: share targets are the app's standard "
                   "2027/2030 defaults (methodology.md); only the numeric indicator targets above are imported")
    skipped.append("eu-155mm-capacity target 2030: facts.md §3.4 says 'no official figure' (the seed's carried 2 m/yr "
                   "is low confidence) - not imported")

    # ------------------------------------------------------------------ milestones
    milestones_out = []
    for m in seed["milestones"]:
        title = m["title"]
        due, est = normalise_date(m.get("date"))
        if not due:
            errors.append(f"milestone '{title}': unparseable date {m.get('date')!r}")
            continue
        prec = m.get("datePrecision")
        expected_kind = {"year": "year", "month": "month", "quarter": "quarter", "half": "half", "day": "day"}.get(prec)
        if prec and expected_kind != date_kind(due):
            errors.append(f"milestone '{title}': datePrecision {prec} does not match due {due}")
        seed_status = m["status"]
        seed_note = m.get("note")
        prefix = None
        if seed_status == "done":
            status = "done"
        elif seed_status == "in_progress":
            status = "in-progress"
        elif seed_status == "planned":
            status = "planned"
        elif seed_status == "missed":
            status, prefix = "slipped", "Missed:"
        elif seed_status == "at_risk":
            status, prefix = "in-progress", "At risk."
        elif seed_status == "uncertain":
            status, prefix = "planned", "Uncertain: attainment unconfirmed."
        else:
            errors.append(f"milestone '{title}': unknown seed status {seed_status!r}")
            continue
        if prefix == "Missed:":
            note = f"Missed: {seed_note}" if seed_note else "Missed."
        elif prefix:
            note = join_notes(prefix, seed_note)
        else:
            note = join_notes(seed_note)
        src = m["source"]["id"]
        checks = []
        for start, bad in WRONG_SOURCE_MILESTONES.items():
            if title.startswith(start):
                if src != bad:
                    errors.append(f"milestone '{title}': expected the known-wrong source {bad}, found {src}")
                checks.append(SOURCE_CHECK_NOTE)
        for start, (weak, text) in WEAK_SOURCE_MILESTONES.items():
            if title.startswith(start):
                if src != weak:
                    errors.append(f"milestone '{title}': expected the weak source {weak}, found {src}")
                checks.append(text)
        note = join_notes(note, "Date is an estimate" if est else None, *checks)
        area = m.get("area")
        milestones_out.append({
            "area": None if area == "all" else AREA_MAP.get(area, f"!{area}"),
            "title": title,
            "due": due,
            "status": status,
            "completed": due if status == "done" else None,
            "source": src,
            "note": note,
        })
    milestones_out.sort(key=lambda x: (period_end(x["due"]), x["due"], x["title"]))
    for start in list(WRONG_SOURCE_MILESTONES) + list(WEAK_SOURCE_MILESTONES):
        if not any(m["title"].startswith(start) for m in milestones_out):
            errors.append(f"source-check rule matched no milestone: {start}")

    out = {
        "dataset": "public-record",
        "compiled": COMPILED,
        "informationHorizon": seed["meta"]["informationHorizon"],
        "sources": sources_out,
        "areas": areas_out,
        "shareAssessments": shares_out,
        "indicators": indicators_out,
        "milestones": milestones_out,
    }

    # ------------------------------------------------------------------ validation
    area_keys = {a["key"] for a in areas_out}

    def check_src(where, k):
        if k not in source_keys:
            errors.append(f"{where}: source {k!r} not in the output registry")

    def check_conf(where, c):
        if c not in CONFIDENCES:
            errors.append(f"{where}: confidence {c!r} not in {sorted(CONFIDENCES)}")

    def check_date(where, s, allow_null=False):
        if s is None and allow_null:
            return
        if date_kind(s) is None:
            errors.append(f"{where}: date {s!r} is not YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn")

    def check_num(where, v):
        if not is_number(v):
            errors.append(f"{where}: {v!r} is not a number")
        elif v == 0:
            errors.append(f"{where}: zero value (a missing figure must be absent, not 0)")

    if len(sources_out) != len(registry):
        errors.append("source count mismatch")
    for s in sources_out:
        check_conf(f"source {s['key']}", s["confidence"])
        check_date(f"source {s['key']}", s["published"], allow_null=True)
        for f_ in ("publisher", "title"):
            if not s[f_]:
                errors.append(f"source {s['key']}: missing {f_}")
    seen = set()
    for a in areas_out:
        if a["key"] in seen or not re.match(r"^[a-z]+(-[a-z]+)*$", a["key"]):
            errors.append(f"area key {a['key']!r} duplicate or not kebab-case")
        seen.add(a["key"])
    for i, s in enumerate(shares_out):
        w = f"shareAssessments[{i}] ({s['area']})"
        if s["area"] not in area_keys:
            errors.append(f"{w}: unknown area")
        check_date(w, s["asOf"])
        check_src(w, s["source"])
        check_conf(w, s["confidence"])
        total = 0
        for f_ in ("europeShare", "usShare"):
            v = s[f_]
            if v is None:
                continue
            check_num(f"{w}.{f_}", v)
            if is_number(v):
                if not 0 <= v <= 100:
                    errors.append(f"{w}.{f_}: {v} outside 0..100")
                total += v
        if s["europeShare"] is None and s["usShare"] is None:
            errors.append(f"{w}: no share value")
        if total > 100:
            errors.append(f"{w}: europeShare + usShare = {total} > 100")
        if not (s["note"] or "").startswith("Proxy:") and s["confidence"] == "low":
            warnings.append(f"{w}: low-confidence share not labelled as proxy")
    seen = set()
    for ind in indicators_out:
        w = f"indicator {ind['key']}"
        if ind["key"] in seen or not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", ind["key"]):
            errors.append(f"{w}: duplicate or not kebab-case")
        seen.add(ind["key"])
        if ind["area"] is not None and ind["area"] not in area_keys:
            errors.append(f"{w}: unknown area {ind['area']}")
        if ind["direction"] not in DIRECTIONS:
            errors.append(f"{w}: direction {ind['direction']!r}")
        dates = [o["asOf"] for o in ind["observations"]]
        if len(set(dates)) != len(dates):
            errors.append(f"{w}: two observations share a date")
        for j, o in enumerate(ind["observations"]):
            ww = f"{w}.observations[{j}]"
            check_date(ww, o["asOf"])
            check_num(ww + ".value", o["value"])
            check_src(ww, o["source"])
            check_conf(ww, o["confidence"])
            if ind["unit"] == "%" and is_number(o["value"]) and not 0 <= o["value"] <= 100:
                errors.append(f"{ww}: percentage {o['value']} outside 0..100")
        tkeys = set()
        for t in ind["targets"]:
            ww = f"{w}.targets[{t.get('key')}]"
            if t["key"] in tkeys:
                errors.append(f"{ww}: duplicate target key")
            tkeys.add(t["key"])
            if date_kind(t["deadline"]) != "day":
                errors.append(f"{ww}: deadline {t['deadline']!r} is not YYYY-MM-DD")
            check_num(ww + ".value", t["value"])
            check_src(ww, t["source"])
            if not t.get("label") or not t.get("rationale"):
                errors.append(f"{ww}: label and rationale required")
    if len(milestones_out) != len(seed["milestones"]):
        errors.append(f"milestones: {len(milestones_out)} written, {len(seed['milestones'])} in seed")
    for i, m in enumerate(milestones_out):
        w = f"milestone '{m['title']}'"
        if m["area"] is not None and m["area"] not in area_keys:
            errors.append(f"{w}: unknown area {m['area']}")
        if m["status"] not in STATUSES:
            errors.append(f"{w}: status {m['status']!r}")
        check_date(w + ".due", m["due"])
        check_date(w + ".completed", m["completed"], allow_null=True)
        if m["completed"] is not None and m["status"] != "done":
            errors.append(f"{w}: completed set but status {m['status']}")
        check_src(w, m["source"])
    # every source referenced in the seed figures we used is kept; every registry entry is kept
    for sid in registry:
        if sid not in source_keys:
            errors.append(f"registry entry {sid} missing from output")

    # ------------------------------------------------------------------ write + summary
    n_obs = sum(len(i["observations"]) for i in indicators_out)
    n_tgt = sum(len(i["targets"]) for i in indicators_out)
    print("reshape-seed: BurdenShift public-record import")
    print(f"  seed:   {args.seed}")
    print(f"  output: {args.out}")
    print(f"  sources:            {len(sources_out)} ({len(added_sources)} added from milestone/area objects)")
    for s in added_sources:
        print(f"      added: {s}")
    print(f"  areas:              {len(areas_out)}")
    print(f"  share assessments:  {len(shares_out)}")
    print(f"  indicators:         {len(indicators_out)}")
    print(f"  observations:       {n_obs}")
    print(f"  indicator targets:  {n_tgt}")
    print(f"  milestones:         {len(milestones_out)}")
    st = {}
    for m in milestones_out:
        st[m["status"]] = st.get(m["status"], 0) + 1
    print("      by status: " + ", ".join(f"{k} {v}" for k, v in sorted(st.items())))
    flagged = [m["title"] for m in milestones_out if m["note"] and "Source check:" in m["note"]]
    print(f"  milestones with a source-check note: {len(flagged)}")
    for t in flagged:
        print(f"      - {t}")
    print(f"  skipped ({len(skipped)}):")
    for s in skipped:
        print(f"      - {s}")
    for n in notes_log:
        print(f"  note: {n}")
    for w_ in warnings:
        print(f"  WARNING: {w_}")

    if errors:
        print(f"\nFAILED: {len(errors)} validation error(s); output not written", file=sys.stderr)
        for e in errors:
            print(f"  ERROR: {e}", file=sys.stderr)
        return 1

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        json.dump(out, f, ensure_ascii=False, indent=2)
        f.write("\n")
    os.replace(tmp, args.out)
    print("\nOK: validation passed, output written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
