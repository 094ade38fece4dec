namespace BurdenShift.Core.Data.Seeding;

/// <summary>
/// What every database has whatever the dataset: the standard areas and the default 2027 and
/// 2030 targets of docs/methodology.md, with the sources their rationale rests on.
/// </summary>
internal static class StandardData
{
    public const string Target2027Key = "2027";
    public const string Target2030Key = "2030";

    public static readonly IReadOnlyList<SeedArea> Areas =
    [
        new("isr", "Intelligence, surveillance & reconnaissance (ISR)",
            "Airborne (AWACS/AEW, SIGINT, MALE drones) and space-based ISR, targeting and the intelligence that feeds NATO planning.", null),
        new("air-defence", "Integrated air & missile defence",
            "Ground-based air and missile defence across the threat spectrum, from short range to exo-atmospheric interception.", null),
        new("missiles", "Long-range strike / missiles",
            "Deep precision strike: ground- and sea-launched cruise and ballistic missiles beyond about 500 km.", null),
        new("ammunition", "Ammunition",
            "155 mm artillery shells and other munitions: production capacity and stocks.", null),
        new("drones", "Drones & counter-drone",
            "Uncrewed aerial systems, loitering munitions and counter-UAS defences.", null),
        new("cyber", "Cyber defence",
            "Cyber defence including AI and electronic warfare.", null),
        new("enablers", "Strategic enablers",
            "Air-to-air refuelling, strategic airlift, space and suppression of enemy air defences (SEAD).", null),
    ];

    public static readonly IReadOnlyList<SeedSource> Sources =
    [
        new("reuters-2027", "Reuters (Gram Slattery, Humeyra Pamuk)",
            "Exclusive: US sets 2027 deadline for Europe-led NATO defense, officials say", "2025-12-05",
            "https://www.thestar.com.my/news/world/2025/12/05/exclusive-us-sets-2027-deadline-for-europe-led-nato-defense-officials-say",
            "high",
            "Syndicated copy (The Star); Reuters original URL not retrieved. The US did not say how progress would be measured; unclear if administration policy."),
        new("kallas-roadmap-2025-10-16", "EEAS (HR/VP Kaja Kallas)",
            "Defence Readiness Roadmap: press remarks by HR/VP Kaja Kallas", "2025-10-16",
            "https://www.eeas.europa.eu/eeas/defence-readiness-roadmap-press-remarks-high-representativevice-president-kaja-kallas-press_en",
            "high", null),
    ];

    public static SeedTarget Target2027 { get; } = new(
        Target2027Key, "US 2027 handover ask", "2027-12-31", 50m,
        "Pentagon officials told European delegations (Reuters, 5 Dec 2025) that Europe should provide the majority of " +
        "NATO's conventional capabilities, 'from intelligence to missiles', by 2027. No official metric came with the ask; " +
        "BurdenShift reads it as a Europe share of at least 50% by 31 Dec 2027.",
        "reuters-2027");

    public static SeedTarget Target2030 { get; } = new(
        Target2030Key, "EU Readiness 2030", "2030-12-31", 90m,
        "EU Readiness 2030: 'by 2030, all the current shortfalls are filled' (Kallas, 16 Oct 2025). No official metric " +
        "exists; BurdenShift reads it as a Europe share of at least 90% by 31 Dec 2030, the residual 10% being what US " +
        "extended deterrence and enablers keep.",
        "kallas-roadmap-2025-10-16");
}
