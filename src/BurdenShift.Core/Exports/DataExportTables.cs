namespace BurdenShift.Core.Exports;

/// <summary>
/// The tables the data exports hold, built from the same DTOs the read API serialises, so an
/// export shows exactly the API's figures for the same as-of date. Null stays an empty cell.
/// </summary>
public static class DataExportTables
{
    // A target's range (docs/methodology.md, "Ranges"): whether its status is robust and each
    // end's figures; all empty when the series carries no range. Declared before TargetColumns,
    // which includes them: static fields initialise in text order.
    private static readonly ExportColumn[] RangeColumns =
    [
        new("range_robust", ExportColumnKind.Text),
        .. EndColumns("pessimistic"),
        .. EndColumns("optimistic"),
    ];

    private static readonly ExportColumn[] ShareRangeColumns =
    [
        new("europe_share_low", ExportColumnKind.Number),
        new("europe_share_high", ExportColumnKind.Number),
        new("us_share_low", ExportColumnKind.Number),
        new("us_share_high", ExportColumnKind.Number),
    ];

    private static readonly ExportColumn[] TargetColumns =
    [
        new("target_key", ExportColumnKind.Text),
        new("target_value", ExportColumnKind.Number),
        new("deadline", ExportColumnKind.Date),
        new("current", ExportColumnKind.Number),
        new("current_date", ExportColumnKind.Date),
        new("gap", ExportColumnKind.Number),
        new("required_per_year", ExportColumnKind.Number),
        new("projected", ExportColumnKind.Number),
        new("eta", ExportColumnKind.Date),
        new("years_late", ExportColumnKind.Number),
        new("status", ExportColumnKind.Text),
        new("confidence", ExportColumnKind.Text),
        new("milestones_due", ExportColumnKind.Number),
        new("milestones_done", ExportColumnKind.Number),
        new("milestones_overdue", ExportColumnKind.Number),
        new("target_source", ExportColumnKind.Text),
        new("target_source_key", ExportColumnKind.Text),
        .. RangeColumns,
    ];

    /// <summary>One row per area and target, as <c>GET /api/areas</c>; an area without targets has one row with empty target cells.</summary>
    public static ExportTable Areas(IReadOnlyList<AreaSummary> areas)
    {
        ExportColumn[] columns =
        [
            new("area_key", ExportColumnKind.Text),
            new("area_name", ExportColumnKind.Text),
            new("as_of", ExportColumnKind.Date),
            new("latest_date", ExportColumnKind.Date),
            new("latest_date_precision", ExportColumnKind.Text),
            new("europe_share", ExportColumnKind.Number),
            new("us_share", ExportColumnKind.Number),
            .. ShareRangeColumns,
            new("share_confidence", ExportColumnKind.Text),
            new("share_source", ExportColumnKind.Text),
            new("share_source_key", ExportColumnKind.Text),
            new("trend_per_year", ExportColumnKind.Number),
            // Where the shares come from; a derived figure's note names its pairs, counts and sources.
            new("share_basis", ExportColumnKind.Text),
            new("share_note", ExportColumnKind.Text),
            .. TargetColumns,
            new("illustrative", ExportColumnKind.Text),
        ];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var a in areas)
        {
            object?[] head =
            [
                a.Key, a.Name, a.AsOf, a.Latest?.Date, a.Latest?.DatePrecision.ToWire(), a.Latest?.EuropeShare, a.Latest?.UsShare,
                a.Latest?.EuropeLow, a.Latest?.EuropeHigh, a.Latest?.UsLow, a.Latest?.UsHigh, a.Latest?.Confidence.ToWire(), a.Latest?.Source.Publisher, a.Latest?.Source.Key, a.TrendPerYear,
                a.ShareBasis.ToWire(), a.Latest?.Note,
            ];
            foreach (var target in TargetsOrNone(a.Targets))
            {
                rows.Add([.. head, .. target, a.Illustrative]);
            }
        }

        return new ExportTable("Areas", columns, rows);
    }

    /// <summary>An area's count pairs read at the as-of date, as <c>derivation</c> in <c>GET /api/areas/{key}</c>, each count with its source.</summary>
    public static ExportTable Pairs(AreaDetail area)
    {
        ExportColumn[] columns =
        [
            new("area_key", ExportColumnKind.Text),
            new("share_basis", ExportColumnKind.Text),
            new("label", ExportColumnKind.Text),
            new("weight", ExportColumnKind.Number),
            new("unit", ExportColumnKind.Text),
            new("europe_indicator", ExportColumnKind.Text),
            new("europe_value", ExportColumnKind.Number),
            new("europe_date", ExportColumnKind.Date),
            new("europe_source", ExportColumnKind.Text),
            new("europe_source_key", ExportColumnKind.Text),
            new("us_indicator", ExportColumnKind.Text),
            new("us_value", ExportColumnKind.Number),
            new("us_date", ExportColumnKind.Date),
            new("us_source", ExportColumnKind.Text),
            new("us_source_key", ExportColumnKind.Text),
            new("europe_share", ExportColumnKind.Number),
            new("date", ExportColumnKind.Date),
            new("confidence", ExportColumnKind.Text),
            new("note", ExportColumnKind.Text),
        ];
        return new ExportTable("Count pairs", columns,
        [
            .. area.Derivation.Select(p => (IReadOnlyList<object?>)
            [
                area.Key, area.ShareBasis.ToWire(), p.Label, p.Weight, p.Unit,
                p.EuropeIndicator, p.EuropeValue, p.EuropeDate, p.EuropeSource?.Publisher, p.EuropeSource?.Key,
                p.UsIndicator, p.UsValue, p.UsDate, p.UsSource?.Publisher, p.UsSource?.Key,
                p.Share, p.Date, p.Confidence?.ToWire(), p.Note,
            ]),
        ]);
    }

    /// <summary>The columns of an area's assessments table.</summary>
    public static IReadOnlyList<ExportColumn> AssessmentColumns { get; } =
    [
        new("area_key", ExportColumnKind.Text),
        new("as_of", ExportColumnKind.Date),
        new("date_precision", ExportColumnKind.Text),
        new("europe_share", ExportColumnKind.Number),
        new("us_share", ExportColumnKind.Number),
        .. ShareRangeColumns,
        new("confidence", ExportColumnKind.Text),
        new("source", ExportColumnKind.Text),
        new("source_key", ExportColumnKind.Text),
        new("source_url", ExportColumnKind.Text),
        new("note", ExportColumnKind.Text),
    ];

    /// <summary>One row of the assessments table.</summary>
    public static IReadOnlyList<object?> AssessmentCells(string areaKey, AssessmentRow s) =>
    [
        areaKey, s.AsOf, s.DatePrecision.ToWire(), s.EuropeShare, s.UsShare, s.EuropeLow, s.EuropeHigh, s.UsLow, s.UsHigh,
        s.Confidence.ToWire(), s.Source.Publisher, s.Source.Key, s.Source.Url, s.Note,
    ];

    /// <summary>The assessments an area's entry carries (the newest), oldest first; the full history is streamed (<see cref="AssessmentCells"/>).</summary>
    public static ExportTable Assessments(AreaDetail area) =>
        new("Assessments", AssessmentColumns,
            [.. area.Assessments.OrderBy(s => s.AsOf).ThenBy(s => s.Id).Select(s => AssessmentCells(area.Key, s))]);

    /// <summary>An area's targets, measured as of the date (the area rows of <see cref="Areas"/>).</summary>
    public static ExportTable Targets(AreaDetail area) => Areas([area]) with { Name = "Targets" };

    /// <summary>The columns of an area's observations table.</summary>
    public static IReadOnlyList<ExportColumn> ObservationColumns { get; } =
    [
        new("indicator_key", ExportColumnKind.Text),
        new("indicator_name", ExportColumnKind.Text),
        new("unit", ExportColumnKind.Text),
        new("as_of", ExportColumnKind.Date),
        new("date_precision", ExportColumnKind.Text),
        new("value", ExportColumnKind.Number),
        new("low", ExportColumnKind.Number),
        new("high", ExportColumnKind.Number),
        new("confidence", ExportColumnKind.Text),
        new("source", ExportColumnKind.Text),
        new("source_key", ExportColumnKind.Text),
        new("note", ExportColumnKind.Text),
    ];

    /// <summary>One row of the observations table.</summary>
    public static IReadOnlyList<object?> ObservationCells(IndicatorSummary i, ObservationRow o) =>
    [
        i.Key, i.Name, i.Unit, o.AsOf, o.DatePrecision.ToWire(), o.Value, o.Low, o.High, o.Confidence.ToWire(), o.Source.Publisher, o.Source.Key, o.Note,
    ];

    /// <summary>The observations an area's entry carries (the newest of each indicator), oldest first; the full history is streamed.</summary>
    public static ExportTable Observations(AreaDetail area) =>
        new("Observations", ObservationColumns,
            [.. area.Indicators.SelectMany(i => (i.Observations ?? []).OrderBy(o => o.AsOf).ThenBy(o => o.Id).Select(o => ObservationCells(i, o)))]);

    /// <summary>The milestones an area's page shows (its own and those for all areas).</summary>
    public static ExportTable Milestones(AreaDetail area)
    {
        ExportColumn[] columns =
        [
            new("area_key", ExportColumnKind.Text),
            new("title", ExportColumnKind.Text),
            new("due", ExportColumnKind.Date),
            new("due_precision", ExportColumnKind.Text),
            new("status", ExportColumnKind.Text),
            new("completed_on", ExportColumnKind.Date),
            new("overdue", ExportColumnKind.Text),
            new("source", ExportColumnKind.Text),
            new("source_key", ExportColumnKind.Text),
            new("source_confidence", ExportColumnKind.Text),
            new("note", ExportColumnKind.Text),
        ];
        var rows = area.Milestones
            .Select(m => (IReadOnlyList<object?>)
            [
                m.Area ?? "(all areas)", m.Title, m.Due, m.DuePrecision.ToWire(), m.Status.ToWire(), m.CompletedOn, m.Overdue,
                m.Source.Publisher, m.Source.Key, m.Source.Confidence.ToWire(), m.Note,
            ])
            .ToList();
        return new ExportTable("Milestones", columns, rows);
    }

    /// <summary>One row per indicator and target, as <c>GET /api/indicators</c>.</summary>
    public static ExportTable Indicators(IReadOnlyList<IndicatorSummary> indicators)
    {
        ExportColumn[] columns =
        [
            new("indicator_key", ExportColumnKind.Text),
            new("indicator_name", ExportColumnKind.Text),
            new("unit", ExportColumnKind.Text),
            new("direction", ExportColumnKind.Text),
            new("area_key", ExportColumnKind.Text),
            new("as_of", ExportColumnKind.Date),
            new("latest_date", ExportColumnKind.Date),
            new("latest_date_precision", ExportColumnKind.Text),
            new("latest_value", ExportColumnKind.Number),
            new("latest_low", ExportColumnKind.Number),
            new("latest_high", ExportColumnKind.Number),
            new("latest_confidence", ExportColumnKind.Text),
            new("latest_source", ExportColumnKind.Text),
            new("latest_source_key", ExportColumnKind.Text),
            new("trend_per_year", ExportColumnKind.Number),
            .. TargetColumns,
            new("illustrative", ExportColumnKind.Text),
        ];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var i in indicators)
        {
            object?[] head =
            [
                i.Key, i.Name, i.Unit, i.Direction.ToWire(), i.Area, i.AsOf, i.Latest?.Date, i.Latest?.DatePrecision.ToWire(), i.Latest?.Value, i.Latest?.Low, i.Latest?.High,
                i.Latest?.Confidence.ToWire(), i.Latest?.Source.Publisher, i.Latest?.Source.Key, i.TrendPerYear,
            ];
            foreach (var target in TargetsOrNone(i.Targets))
            {
                rows.Add([.. head, .. target, i.Illustrative]);
            }
        }

        return new ExportTable("Indicators", columns, rows);
    }

    /// <summary>The handover index per target, as <c>GET /api/index</c>.</summary>
    public static ExportTable Index(IReadOnlyList<IndexResult> index)
    {
        ExportColumn[] columns =
        [
            new("target_key", ExportColumnKind.Text),
            new("label", ExportColumnKind.Text),
            new("target_value", ExportColumnKind.Number),
            new("deadline", ExportColumnKind.Date),
            new("as_of", ExportColumnKind.Date),
            new("current", ExportColumnKind.Number),
            new("current_date", ExportColumnKind.Date),
            new("trend_per_year", ExportColumnKind.Number),
            new("gap", ExportColumnKind.Number),
            new("required_per_year", ExportColumnKind.Number),
            new("projected", ExportColumnKind.Number),
            new("eta", ExportColumnKind.Date),
            new("years_late", ExportColumnKind.Number),
            new("status", ExportColumnKind.Text),
            new("confidence", ExportColumnKind.Text),
            .. RangeColumns,
            new("areas_included", ExportColumnKind.Text),
            new("areas_left_out", ExportColumnKind.Text),
            new("illustrative", ExportColumnKind.Text),
        ];
        var rows = index
            .Select(t => (IReadOnlyList<object?>)
            [
                t.Key, t.Label, t.Value, t.Deadline, t.AsOf, t.Current, t.CurrentDate, t.TrendPerYear, t.Gap, t.RequiredPerYear,
                t.Projected, t.Eta, t.YearsLate, t.Status.ToWire(), t.Confidence?.ToWire(), .. RangeCells(t.Range),
                string.Join(' ', t.AreasIncluded), string.Join(' ', t.AreasLeftOut), t.Illustrative,
            ])
            .ToList();
        return new ExportTable("Index", columns, rows);
    }

    /// <summary>Every source the areas' rows cite: the latest shares' and the targets'.</summary>
    public static IEnumerable<SourceRef> SourcesOf(IEnumerable<AreaSummary> areas) =>
        areas.SelectMany(a => (a.Latest is { } l ? [l.Source] : Array.Empty<SourceRef>()).Concat(a.Targets.Select(t => t.Source))
            .Concat(a.Derivation.SelectMany(p => new[] { p.EuropeSource, p.UsSource }).OfType<SourceRef>()));

    /// <summary>Every source an area's page cites: shares, targets, indicators' observations and targets, milestones.</summary>
    public static IEnumerable<SourceRef> SourcesOf(AreaDetail area) =>
        SourcesOf([area])
            .Concat(area.ShareHistory.Sources.Select(s => s.Source))
            .Concat(SourcesOf(area.Indicators))
            .Concat(area.IndicatorHistories.Values.SelectMany(h => h.Sources).Select(s => s.Source))
            .Concat(area.Milestones.Select(m => m.Source));

    /// <summary>Every source the indicators' rows cite: latest values' and targets'.</summary>
    public static IEnumerable<SourceRef> SourcesOf(IEnumerable<IndicatorSummary> indicators) =>
        indicators.SelectMany(i => (i.Latest is { } l ? [l.Source] : Array.Empty<SourceRef>()).Concat(i.Targets.Select(t => t.Source)));

    private static IEnumerable<object?[]> TargetsOrNone(IReadOnlyList<TargetResult> targets) =>
        targets.Count == 0
            ? [new object?[TargetColumns.Length]]
            : targets.Select(t => (object?[])
            [
                t.Key, t.Value, t.Deadline, t.Current, t.CurrentDate, t.Gap, t.RequiredPerYear, t.Projected, t.Eta, t.YearsLate,
                t.Status.ToWire(), t.Confidence?.ToWire(), t.Milestones.Due, t.Milestones.Done, t.Milestones.Overdue,
                t.Source.Publisher, t.Source.Key, .. RangeCells(t.Range),
            ]);

    private static ExportColumn[] EndColumns(string end) =>
    [
        new($"{end}_current", ExportColumnKind.Number),
        new($"{end}_trend_per_year", ExportColumnKind.Number),
        new($"{end}_projected", ExportColumnKind.Number),
        new($"{end}_eta", ExportColumnKind.Date),
        new($"{end}_years_late", ExportColumnKind.Number),
        new($"{end}_status", ExportColumnKind.Text),
    ];

    private static object?[] RangeCells(RangeResult? range) => range is { } r
        ? [r.Robust, .. EndCells(r.Pessimistic), .. EndCells(r.Optimistic)]
        : new object?[RangeColumns.Length];

    private static object?[] EndCells(RangeEnd e) => [e.Current, e.TrendPerYear, e.Projected, e.Eta, e.YearsLate, e.Status.ToWire()];
}
