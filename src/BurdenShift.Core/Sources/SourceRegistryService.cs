namespace BurdenShift.Core.Sources;

/// <summary>
/// The source registry and what cites each source as of a date. Three SQL commands whatever the
/// amount of data: (1) the sources; (2) the dated figures, share assessments and indicator
/// observations dated on or before the date, in one UNION ALL; (3) the targets and milestones,
/// in one UNION ALL. Sources have no navigations to their citations, so the citations are loaded
/// thin and grouped by source id in memory. Decimals are neither compared nor ordered in SQL
/// (SQLite stores them as text); ordering happens in memory.
/// </summary>
public sealed class SourceRegistryService(IDbContextFactory<BurdenShiftDbContext> dbFactory)
{
    private const int AssessmentKind = 1;
    private const int ObservationKind = 2;
    private const int TargetKind = 3;
    private const int MilestoneKind = 4;

    /// <summary>
    /// Every source (or those matching <paramref name="search"/> and <paramref name="confidence"/>,
    /// see <see cref="SourceRegistry.Filter"/>) with the figures that cite it on <paramref name="asOf"/>:
    /// share assessments and observations dated on or before it, and all targets and milestones
    /// (they name a future date, not the date of a figure). Three SQL commands.
    /// </summary>
    public async Task<SourceRegistry> GetRegistryAsync(
        DateOnly asOf, string? search = null, Confidence? confidence = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var sources = await db.Sources.AsNoTracking()
            .Select(s => new SourceData(s.Id, s.Key, s.Publisher, s.Title, s.PublishedOn, s.PublishedPrecision, s.Url, s.Confidence, s.Note))
            .ToListAsync(ct);

        // Anonymous types on both sides of each UNION ALL: EF translates set operations only over
        // identical shapes. Null columns belong to the other kind of row; every column whose type
        // needs a value converter (confidence, date precision) is a real column in the first operand.
        var assessments = db.ShareAssessments.AsNoTracking()
            .Where(s => s.AsOf <= asOf)
            .Select(s => new
            {
                Kind = AssessmentKind,
                s.Id,
                s.SourceId,
                SeriesKey = s.Area!.Key,
                SeriesName = s.Area.Name,
                Unit = (string?)null,
                s.AsOf,
                Precision = s.AsOfPrecision,
                EuropeShare = s.EuropeShare,
                UsShare = s.UsShare,
                Value = (decimal?)null,
                s.Confidence,
            });
        var observations = db.IndicatorObservations.AsNoTracking()
            .Where(o => o.AsOf <= asOf)
            .Select(o => new
            {
                Kind = ObservationKind,
                o.Id,
                o.SourceId,
                SeriesKey = o.Indicator!.Key,
                SeriesName = o.Indicator.Name,
                Unit = (string?)o.Indicator.Unit,
                o.AsOf,
                Precision = o.AsOfPrecision,
                EuropeShare = (decimal?)null,
                UsShare = (decimal?)null,
                Value = (decimal?)o.Value,
                o.Confidence,
            });
        var dated = await assessments.Concat(observations).ToListAsync(ct);

        var targets = db.Targets.AsNoTracking()
            .Select(t => new
            {
                Kind = TargetKind,
                t.Id,
                t.SourceId,
                Title = t.Label,
                TargetKey = (string?)t.Key,
                AreaKey = t.Area != null ? t.Area.Key : null,
                IndicatorKey = t.Indicator != null ? t.Indicator.Key : null,
                SeriesName = t.Area != null ? t.Area.Name : t.Indicator != null ? t.Indicator.Name : null,
                Unit = t.Area != null ? "%" : t.Indicator != null ? t.Indicator.Unit : null,
                Date = t.Deadline,
                Value = (decimal?)t.Value,
                Precision = (DatePrecision?)null,
            });
        var milestones = db.Milestones.AsNoTracking()
            .Select(m => new
            {
                Kind = MilestoneKind,
                m.Id,
                m.SourceId,
                m.Title,
                TargetKey = (string?)null,
                AreaKey = m.Area != null ? m.Area.Key : null,
                IndicatorKey = (string?)null,
                SeriesName = m.Area != null ? m.Area.Name : null,
                Unit = (string?)null,
                Date = m.Due,
                Value = (decimal?)null,
                Precision = (DatePrecision?)m.DuePrecision,
            });
        // Milestones first: a set operation takes each column's type mapping from its first
        // operand, and a null DatePrecision there would be read as a number, not as its word.
        var undated = await milestones.Concat(targets).ToListAsync(ct);

        var assessmentsBySource = dated.Where(r => r.Kind == AssessmentKind)
            .Select(r => (r.SourceId, Row: new CitingAssessment(r.Id, r.SeriesKey, r.SeriesName, r.AsOf, r.Precision,
                r.EuropeShare.Normalize(), r.UsShare.Normalize(), r.Confidence)))
            .ToLookup(x => x.SourceId, x => x.Row);
        var observationsBySource = dated.Where(r => r.Kind == ObservationKind)
            .Select(r => (r.SourceId, Row: new CitingObservation(r.Id, r.SeriesKey, r.SeriesName, r.Unit ?? "", r.AsOf, r.Precision,
                r.Value!.Value.Normalize(), r.Confidence)))
            .ToLookup(x => x.SourceId, x => x.Row);
        var targetsBySource = undated.Where(r => r.Kind == TargetKind)
            .Select(r => (r.SourceId, Row: new CitingTarget(r.Id, r.SeriesName ?? "", r.AreaKey, r.IndicatorKey, r.TargetKey ?? "", r.Title,
                r.Value!.Value.Normalize(), r.Unit ?? "", r.Date)))
            .ToLookup(x => x.SourceId, x => x.Row);
        var milestonesBySource = undated.Where(r => r.Kind == MilestoneKind)
            .Select(r => (r.SourceId, Row: new CitingMilestone(r.Id, r.Title, r.Date, r.Precision ?? DatePrecision.Day, r.AreaKey, r.SeriesName)))
            .ToLookup(x => x.SourceId, x => x.Row);

        List<RegistrySource> entries =
        [
            .. sources
                .OrderBy(s => s.Publisher, StringComparer.OrdinalIgnoreCase)
                .ThenBy(s => s.Title, StringComparer.OrdinalIgnoreCase)
                .ThenBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new RegistrySource(
                    s.Id, s.Key, s.Publisher, s.Title, s.PublishedOn, s.PublishedPrecision, s.Url, s.Confidence, s.Note,
                    [.. assessmentsBySource[s.Id].OrderBy(a => a.AsOf).ThenBy(a => a.AreaName, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id)],
                    [.. observationsBySource[s.Id].OrderBy(o => o.IndicatorName, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.AsOf).ThenBy(o => o.Id)],
                    [.. targetsBySource[s.Id].OrderBy(t => t.Series, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Deadline).ThenBy(t => t.Key, StringComparer.Ordinal)],
                    [.. milestonesBySource[s.Id].OrderBy(m => m.Due).ThenBy(m => m.Title, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Id)])),
        ];

        var registry = new SourceRegistry(asOf, entries.Count, entries);
        return search is null && confidence is null ? registry : registry.Filter(search, confidence);
    }

    /// <summary>Sources a page of the registry lists.</summary>
    public const int PageSize = 20;

    /// <summary>Share assessments, and observations, a source lists on the registry page (its newest); the rest are counted.</summary>
    public const int CitationsPerSource = 10;

    /// <summary>
    /// A registry page counts a source's share assessments, and its observations, up to this many
    /// and says "more than" beyond (<see cref="RegistrySource.AssessmentTotal"/> is then one more).
    /// </summary>
    public const int CountCap = 10_000;

    /// <summary>
    /// One page of the registry (the sources matching <paramref name="search"/> and
    /// <paramref name="confidence"/> as <see cref="SourceRegistry.Filter"/>, in registry order; a page
    /// past the last shows the last), each source with how many share assessments and observations
    /// dated on or before <paramref name="asOf"/> cite it, the newest <paramref name="perSource"/> of
    /// each, and its targets and milestones. Five SQL commands whatever the length of the history;
    /// what the app holds, and what the database reads, is bounded by the page, never by how often
    /// a source is cited (counts stop at <see cref="CountCap"/>; docs/decisions/0012).
    /// </summary>
    public async Task<SourceRegistryPage> GetPageAsync(
        DateOnly asOf, string? search, Confidence? confidence, int page, int pageSize = PageSize, int perSource = CitationsPerSource,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sources = await db.Sources.AsNoTracking()
            .Select(s => new SourceData(s.Id, s.Key, s.Publisher, s.Title, s.PublishedOn, s.PublishedPrecision, s.Url, s.Confidence, s.Note))
            .ToListAsync(ct);
        var text = search?.Trim();
        var matching = sources
            .Where(s => confidence is null || s.Confidence == confidence)
            .Select(s => new RegistrySource(s.Id, s.Key, s.Publisher, s.Title, s.PublishedOn, s.PublishedPrecision, s.Url, s.Confidence, s.Note, [], [], [], []))
            .Where(s => s.Matches(text))
            .OrderBy(s => s.Publisher, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
        page = PageQuery.Clamp(page, matching.Count, pageSize);
        var shown = matching.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var ids = shown.Select(s => s.Id).ToList();
        if (ids.Count == 0)
        {
            return new SourceRegistryPage(asOf, sources.Count, new RowPage<RegistrySource>([], page, pageSize, matching.Count));
        }

        // How often each source is cited, counted by the database up to CountCap + 1: one UNION ALL
        // branch per source and kind, each a COUNT over a LIMIT on the (SourceId, AsOf, Id) index,
        // so the database's work is bounded by the page too, however often a source is cited.
        IQueryable<CitationCount>? countQuery = null;
        foreach (var id in ids)
        {
            var branch = db.Sources.AsNoTracking().Where(x => x.Id == id).Select(x => new CitationCount
            {
                SourceId = x.Id,
                Assessments = db.ShareAssessments.Where(s => s.SourceId == id && s.AsOf <= asOf).Take(CountCap + 1).Count(),
                Observations = db.IndicatorObservations.Where(o => o.SourceId == id && o.AsOf <= asOf).Take(CountCap + 1).Count(),
            });
            countQuery = countQuery is null ? branch : countQuery.Concat(branch);
        }

        var counts = (await countQuery!.ToListAsync(ct)).ToDictionary(c => c.SourceId);

        // The newest of each source: one UNION ALL branch per source, each a LIMIT.
        IQueryable<CitingAssessmentRow>? assessments = null;
        IQueryable<CitingObservationRow>? observations = null;
        foreach (var id in ids)
        {
            var a = NewestCiting(db.ShareAssessments, id, asOf, perSource).Select(s => new CitingAssessmentRow
            {
                SourceId = s.SourceId,
                Id = s.Id,
                AreaKey = s.Area!.Key,
                AreaName = s.Area.Name,
                AsOf = s.AsOf,
                Precision = s.AsOfPrecision,
                EuropeShare = s.EuropeShare,
                UsShare = s.UsShare,
                Confidence = s.Confidence,
            });
            var o = NewestCiting(db.IndicatorObservations, id, asOf, perSource).Select(x => new CitingObservationRow
            {
                SourceId = x.SourceId,
                Id = x.Id,
                IndicatorKey = x.Indicator!.Key,
                IndicatorName = x.Indicator.Name,
                Unit = x.Indicator.Unit,
                AsOf = x.AsOf,
                Precision = x.AsOfPrecision,
                Value = x.Value,
                Confidence = x.Confidence,
            });
            assessments = assessments is null ? a : assessments.Concat(a);
            observations = observations is null ? o : observations.Concat(o);
        }

        var newestAssessments = (await assessments!.ToListAsync(ct)).ToLookup(r => r.SourceId);
        var newestObservations = (await observations!.ToListAsync(ct)).ToLookup(r => r.SourceId);
        var targets = await db.Targets.AsNoTracking()
            .Where(t => ids.Contains(t.SourceId))
            .Select(t => new
            {
                t.Id,
                t.SourceId,
                t.Label,
                t.Key,
                AreaKey = t.Area != null ? t.Area.Key : null,
                IndicatorKey = t.Indicator != null ? t.Indicator.Key : null,
                SeriesName = t.Area != null ? t.Area.Name : t.Indicator != null ? t.Indicator.Name : null,
                Unit = t.Area != null ? "%" : t.Indicator != null ? t.Indicator.Unit : null,
                t.Deadline,
                t.Value,
            })
            .ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => ids.Contains(m.SourceId))
            .Select(m => new { m.Id, m.SourceId, m.Title, m.Due, m.DuePrecision, AreaKey = m.Area != null ? m.Area.Key : null, AreaName = m.Area != null ? m.Area.Name : null })
            .ToListAsync(ct);

        List<RegistrySource> entries =
        [
            .. shown.Select(s => s with
            {
                Assessments = [.. newestAssessments[s.Id].OrderByDescending(a => a.AsOf).ThenByDescending(a => a.Id)
                    .Select(r => new CitingAssessment(r.Id, r.AreaKey, r.AreaName, r.AsOf, r.Precision, r.EuropeShare.Normalize(), r.UsShare.Normalize(), r.Confidence))],
                Observations = [.. newestObservations[s.Id].OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id)
                    .Select(r => new CitingObservation(r.Id, r.IndicatorKey, r.IndicatorName, r.Unit, r.AsOf, r.Precision, r.Value.Normalize(), r.Confidence))],
                Targets = [.. targets.Where(t => t.SourceId == s.Id)
                    .Select(t => new CitingTarget(t.Id, t.SeriesName ?? "", t.AreaKey, t.IndicatorKey, t.Key, t.Label, t.Value.Normalize(), t.Unit ?? "", t.Deadline))
                    .OrderBy(t => t.Series, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Deadline).ThenBy(t => t.Key, StringComparer.Ordinal)],
                Milestones = [.. milestones.Where(m => m.SourceId == s.Id)
                    .Select(m => new CitingMilestone(m.Id, m.Title, m.Due, m.DuePrecision, m.AreaKey, m.AreaName))
                    .OrderBy(m => m.Due).ThenBy(m => m.Title, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Id)],
                AssessmentTotal = counts.GetValueOrDefault(s.Id)?.Assessments ?? 0,
                ObservationTotal = counts.GetValueOrDefault(s.Id)?.Observations ?? 0,
            }),
        ];
        return new SourceRegistryPage(asOf, sources.Count, new RowPage<RegistrySource>(entries, page, pageSize, matching.Count));
    }

    /// <summary>
    /// The observations of every indicator dated on or before <paramref name="asOf"/>, with their
    /// sources, keyed by indicator key and in date and entry order. One SQL command.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ObservationRow>>> GetObservationsAsync(
        DateOnly asOf, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The rows as the read API pages them (RowQueries), grouped by their indicator's key.
        var indicators = await db.Indicators.AsNoTracking()
            .Select(i => new { i.Key, Rows = i.Observations.Where(o => o.AsOf <= asOf).AsQueryable().Select(RowQueries.ToObservationRow).ToList() })
            .ToListAsync(ct);
        return indicators
            .Where(i => i.Rows.Count > 0)
            .ToDictionary(
                i => i.Key,
                i => (IReadOnlyList<ObservationRow>)[.. i.Rows.OrderBy(o => o.AsOf).ThenBy(o => o.Id).Select(RowQueries.Normalised)],
                StringComparer.Ordinal);
    }

    // Set by member initialisation, not a constructor: EF translates a UNION ALL of those, not of a client projection.
    // The newest figures citing a source on or before the date: a backward walk of the (SourceId, AsOf, Id) index.
    private static IQueryable<T> NewestCiting<T>(IQueryable<T> figures, int sourceId, DateOnly asOf, int take)
        where T : SourcedFigure =>
        figures.AsNoTracking().Where(f => f.SourceId == sourceId && f.AsOf <= asOf).OrderByDescending(f => f.AsOf).ThenByDescending(f => f.Id).Take(take);

    private sealed class CitingAssessmentRow
    {
        public int SourceId { get; init; }

        public long Id { get; init; }

        public string AreaKey { get; init; } = "";

        public string AreaName { get; init; } = "";

        public DateOnly AsOf { get; init; }

        public DatePrecision Precision { get; init; }

        public decimal? EuropeShare { get; init; }

        public decimal? UsShare { get; init; }

        public Confidence Confidence { get; init; }
    }

    private sealed class CitationCount
    {
        public int SourceId { get; init; }

        public int Assessments { get; init; }

        public int Observations { get; init; }
    }

    private sealed class CitingObservationRow
    {
        public int SourceId { get; init; }

        public long Id { get; init; }

        public string IndicatorKey { get; init; } = "";

        public string IndicatorName { get; init; } = "";

        public string Unit { get; init; } = "";

        public DateOnly AsOf { get; init; }

        public DatePrecision Precision { get; init; }

        public decimal Value { get; init; }

        public Confidence Confidence { get; init; }
    }

    private sealed record SourceData(
        int Id, string Key, string Publisher, string Title, DateOnly? PublishedOn, DatePrecision PublishedPrecision, string? Url,
        Confidence Confidence, string? Note);
}
