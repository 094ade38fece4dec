namespace BurdenShift.Core.Data.Seeding;

/// <summary>
/// Fills an empty database with the standard areas and targets plus the configured dataset.
/// A database that already has areas is left alone, so seeding is idempotent and never touches
/// what editors have entered.
/// </summary>
public sealed class DatabaseSeeder(TimeProvider time, ILogger<DatabaseSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Seeds <paramref name="dataset"/> when the database is empty; returns whether it did.</summary>
    public async Task<bool> SeedAsync(BurdenShiftDbContext db, string dataset, CancellationToken ct = default)
    {
        if (await db.Areas.AnyAsync(ct) || await db.DatasetInfo.AnyAsync(ct))
        {
            logger.LogInformation("Database already holds data; seeding skipped");
            return false;
        }

        var file = dataset switch
        {
            "public-record" => LoadPublicRecord(),
            "illustrative" => IllustrativeDataset.Build(LoadPublicRecord()),
            "none" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
        };

        // A retry (PostgreSQL connection dropped) starts from an empty tracker and adds the rows
        // afresh; a commit whose answer was lost counts as done once the dataset row is there.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(
            file,
            async (_, seed, ct2) =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct2);
                var seededAt = Add(db, dataset, seed);
                await db.SaveChangesAsync(ct2);
                // The shipped data is part of the published record from the moment it was loaded.
                await Versions.VersionLog.RecordAsync(db, [.. db.ChangeTracker.Entries().Select(e => (e, IsNew: true))], seededAt, ct2);
                await db.SaveChangesAsync(ct2);
                await tx.CommitAsync(ct2);
                return true;
            },
            async (_, _, ct2) => new Microsoft.EntityFrameworkCore.Storage.ExecutionResult<bool>(await db.DatasetInfo.AsNoTracking().AnyAsync(ct2), true),
            ct);
        db.ChangeTracker.Clear();
        logger.LogInformation("Seeded the {Dataset} dataset", dataset);
        return true;
    }

    internal static SeedFile LoadPublicRecord()
    {
        var record = Load<SeedFile>("public-record.json");
        // The counts behind derived shares live in a file of their own: public-record.json is
        // written by tools/reshape-seed.py, and re-running it must not drop them.
        var counts = Load<SeedCounts>("public-record-counts.json");
        return record with
        {
            Sources = [.. record.Sources, .. counts.Sources],
            Indicators = [.. record.Indicators, .. counts.Indicators],
            CountPairs = [.. record.CountPairs ?? [], .. counts.CountPairs],
            AreaBases = [.. record.AreaBases ?? [], .. counts.AreaBases],
        };
    }

    private static T Load<T>(string file)
    {
        using var stream = typeof(DatabaseSeeder).Assembly.GetManifestResourceStream($"BurdenShift.Seeding.{file}")
            ?? throw new InvalidOperationException($"The seed file {file} is not embedded in BurdenShift.Core.");
        return JsonSerializer.Deserialize<T>(stream, Json)
            ?? throw new InvalidOperationException($"The seed file {file} is empty.");
    }

    /// <summary>Adds the dataset's rows to the context; returns the moment they are stamped with.</summary>
    private DateTimeOffset Add(BurdenShiftDbContext db, string dataset, SeedFile? file)
    {
        var now = time.GetUtcNow();
        var by = $"seed:{dataset}";

        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var s in StandardData.Sources.Concat(file?.Sources ?? []))
        {
            if (sources.ContainsKey(s.Key))
            {
                continue;
            }

            var published = s.Published is null ? (PartialDate?)null : PartialDate.Parse(s.Published);
            sources[s.Key] = new Source
            {
                Key = s.Key,
                Publisher = s.Publisher,
                Title = s.Title,
                PublishedOn = published?.Date,
                PublishedPrecision = published?.Precision ?? DatePrecision.Day,
                Url = s.Url,
                Confidence = WireNames.ParseConfidence(s.Confidence),
                Note = s.Note,
                EnteredBy = by,
                EnteredAt = now,
            };
        }

        Source SourceOf(string key) => sources.TryGetValue(key, out var s)
            ? s
            : throw new InvalidOperationException($"The {dataset} dataset cites source '{key}', which is not in its registry.");

        var areas = new Dictionary<string, CapabilityArea>(StringComparer.Ordinal);
        foreach (var a in StandardData.Areas.Concat(file?.Areas ?? []))
        {
            if (areas.TryGetValue(a.Key, out var known))
            {
                // The dataset may describe a standard area more fully.
                known.Description = a.Description;
                known.ShareBasis = a.ShareBasis ?? known.ShareBasis;
                continue;
            }

            areas[a.Key] = new CapabilityArea
            {
                Key = a.Key,
                Name = a.Name,
                Description = a.Description,
                ShareBasis = a.ShareBasis,
                DisplayOrder = (areas.Count + 1) * 10,
            };
        }

        CapabilityArea AreaOf(string key) => areas.TryGetValue(key, out var a)
            ? a
            : throw new InvalidOperationException($"The {dataset} dataset names area '{key}', which does not exist.");

        foreach (var area in areas.Values)
        {
            foreach (var t in new[] { StandardData.Target2027, StandardData.Target2030 })
            {
                area.Targets.Add(ToTarget(t, SourceOf(t.Source)));
            }
        }

        db.Sources.AddRange(sources.Values);
        db.Areas.AddRange(areas.Values);

        // What every seeded figure carries besides its own values: its date, source, grade, note and entry time.
        T Sourced<T>(T figure, string asOf, string source, string confidence, string? note)
            where T : SourcedFigure
        {
            var date = PartialDate.Parse(asOf);
            (figure.AsOf, figure.AsOfPrecision, figure.Source) = (date.Date, date.Precision, SourceOf(source));
            (figure.Confidence, figure.Note, figure.EnteredAt) = (WireNames.ParseConfidence(confidence), note, now);
            return figure;
        }

        foreach (var s in file?.ShareAssessments ?? [])
        {
            db.ShareAssessments.Add(Sourced(new ShareAssessment { Area = AreaOf(s.Area), EuropeShare = s.EuropeShare, UsShare = s.UsShare, EnteredBy = by },
                s.AsOf, s.Source, s.Confidence, s.Note));
        }

        var indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (var i in file?.Indicators ?? [])
        {
            var indicator = new Indicator
            {
                Key = i.Key,
                Area = i.Area is null ? null : AreaOf(i.Area),
                Name = i.Name,
                Unit = i.Unit,
                Direction = WireNames.ParseDirection(i.Direction),
                Description = i.Description,
                Headline = i.Headline,
            };
            foreach (var o in i.Observations)
            {
                indicator.Observations.Add(Sourced(new IndicatorObservation { Value = o.Value, Low = o.Low, High = o.High, EnteredBy = by },
                    o.AsOf, o.Source, o.Confidence, o.Note));
            }

            foreach (var t in i.Targets ?? [])
            {
                indicator.Targets.Add(ToTarget(t, SourceOf(t.Source)));
            }

            db.Indicators.Add(indicator);
            indicators[i.Key] = indicator;
        }

        foreach (var b in file?.AreaBases ?? [])
        {
            var area = AreaOf(b.Area);
            area.Basis = WireNames.ParseShareBasis(b.Basis);
            area.ShareBasis = b.Note ?? area.ShareBasis;
        }

        Indicator IndicatorOf(string key) => indicators.TryGetValue(key, out var i)
            ? i
            : throw new InvalidOperationException($"The {dataset} dataset pairs indicator '{key}', which it does not define.");

        foreach (var p in file?.CountPairs ?? [])
        {
            var area = AreaOf(p.Area);
            var (europe, us) = (IndicatorOf(p.Europe), IndicatorOf(p.Us));
            if (europe.Unit != us.Unit)
            {
                throw new InvalidOperationException($"The {dataset} dataset pairs '{p.Europe}' ({europe.Unit}) with '{p.Us}' ({us.Unit}): a pair counts one unit.");
            }

            area.CountPairs.Add(new AreaCountPair
            {
                Label = p.Label,
                Weight = p.Weight,
                EuropeIndicator = europe,
                UsIndicator = us,
                Note = p.Note,
                DisplayOrder = (area.CountPairs.Count + 1) * 10,
            });
        }

        foreach (var m in file?.Milestones ?? [])
        {
            var due = PartialDate.Parse(m.Due);
            db.Milestones.Add(new Milestone
            {
                Area = m.Area is null ? null : AreaOf(m.Area),
                Title = m.Title,
                Due = due.Date,
                DuePrecision = due.Precision,
                Status = WireNames.ParseMilestoneStatus(m.Status),
                CompletedOn = m.Completed is null ? null : PartialDate.Parse(m.Completed).Date,
                Source = SourceOf(m.Source),
                Note = m.Note,
            });
        }

        db.DatasetInfo.Add(new DatasetInfo
        {
            Dataset = dataset,
            IsIllustrative = dataset == "illustrative",
            SeededAt = now,
        });
        return now;
    }

    private static Target ToTarget(SeedTarget t, Source source) => new()
    {
        Key = t.Key,
        Label = t.Label,
        Deadline = PartialDate.Parse(t.Deadline).Date,
        Value = t.Value,
        Rationale = t.Rationale,
        Source = source,
    };
}
