using Microsoft.EntityFrameworkCore.Metadata;

namespace BurdenShift.Core.Data.Versions;

/// <summary>
/// How the recorded versions are modelled (docs/decisions/0020-knowledge-time.md). The everyday
/// model keeps every row type on its own table, as before, and adds one version table per
/// versioned type with the same columns plus <c>VersionId</c>, <c>PublishedFrom</c> and
/// <c>PublishedTo</c>. The known-at model (<see cref="BurdenShiftDbContext.ReadsKnownAt"/>) maps the
/// row types onto their version tables instead, filtered to the versions published at the
/// context's <see cref="BurdenShiftDbContext.KnownAt"/>: every query of the read path runs
/// unchanged, navigations included, and sees the rows as they stood at that moment.
/// </summary>
internal static class VersionModel
{
    public const string PublishedFrom = nameof(IPublishedVersion.PublishedFrom);
    public const string PublishedTo = nameof(IPublishedVersion.PublishedTo);

    /// <summary>Every versioned row type, its version type and the version table.</summary>
    public static readonly IReadOnlyList<(Type Row, Type Version, string Table)> Tables =
    [
        (typeof(CapabilityArea), typeof(CapabilityAreaVersion), "AreaVersions"),
        (typeof(ShareAssessment), typeof(ShareAssessmentVersion), "ShareAssessmentVersions"),
        (typeof(IndicatorObservation), typeof(IndicatorObservationVersion), "IndicatorObservationVersions"),
        (typeof(Target), typeof(TargetVersion), "TargetVersions"),
        (typeof(Milestone), typeof(MilestoneVersion), "MilestoneVersions"),
        (typeof(AreaCountPair), typeof(AreaCountPairVersion), "CountPairVersions"),
        // What a past view cites and names: a source's publisher and title, an indicator's name and unit.
        (typeof(Source), typeof(SourceVersion), "SourceVersions"),
        (typeof(Indicator), typeof(IndicatorVersion), "IndicatorVersions"),
    ];

    /// <summary>The version type of a row type, or null for a type that has no versions.</summary>
    public static Type? VersionOf(Type row) => Tables.FirstOrDefault(t => t.Row == row).Version;

    /// <summary>The version tables of the everyday model (what migrations create and writes fill).</summary>
    public static void AddVersionTables(ModelBuilder builder)
    {
        foreach (var (row, version, table) in Tables)
        {
            var rowType = builder.Entity(row).Metadata;
            var b = builder.Entity(version);
            b.HasBaseType((Type?)null);
            foreach (var navigation in rowType.GetNavigations().ToList())
            {
                b.Ignore(navigation.Name);
            }

            b.ToTable(table);
            b.HasKey(nameof(IPublishedVersion.VersionId));
            b.Property(nameof(CapabilityArea.Id)).ValueGeneratedNever();
            foreach (var property in rowType.GetProperties().Where(p => !p.IsShadowProperty()))
            {
                var copy = b.Property(property.Name);
                if (property.GetMaxLength() is { } max)
                {
                    copy.HasMaxLength(max);
                }

                if (property.GetPrecision() is { } precision)
                {
                    copy.HasPrecision(precision, property.GetScale() ?? 0);
                }

                copy.Metadata.SetDefaultValue(null);
            }

            // A row's versions in order (closing the open one, the knowledge-time lookups), and the
            // row's own lookups (an area's assessments by date) so that reads at a knowledge time
            // are index ranges as the everyday ones are.
            // A filtered index that only narrows another to the live rows (the trend windows' covering
            // indexes) has nothing to narrow in a version table: the other's copy serves.
            b.HasIndex(nameof(CapabilityArea.Id), PublishedFrom);
            var explicitIndexes = rowType.GetIndexes().Where(i => ((IConventionIndex)i).GetConfigurationSource() == ConfigurationSource.Explicit).ToList();
            foreach (var index in explicitIndexes.Where(i => i.GetFilter() is null || !explicitIndexes.Any(other => other != i && other.GetFilter() is null
                && i.Properties.Take(other.Properties.Count).SequenceEqual(other.Properties))))
            {
                b.HasIndex([.. index.Properties.Select(p => p.Name)]);
            }
        }
    }

    /// <summary>The known-at model: each versioned row type read from its version table as published at the context's moment.</summary>
    public static void MapRowsOntoVersions(ModelBuilder builder, BurdenShiftDbContext context)
    {
        foreach (var (row, _, table) in Tables)
        {
            var b = builder.Entity(row);
            b.ToTable(table);
            b.Property<DateTimeOffset>(PublishedFrom);
            b.Property<DateTimeOffset?>(PublishedTo);
            b.HasQueryFilter(PublishedAt(row, context));
        }
    }

    // v => EF.Property<DateTimeOffset>(v, "PublishedFrom") <= context.KnownAt
    //      && (EF.Property<DateTimeOffset?>(v, "PublishedTo") == null || EF.Property<DateTimeOffset?>(v, "PublishedTo") > context.KnownAt)
    // The context's property becomes a parameter of every query, as in any filter that reads the context.
    private static LambdaExpression PublishedAt(Type row, BurdenShiftDbContext context)
    {
        var v = Expression.Parameter(row, "v");
        var from = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(DateTimeOffset)], v, Expression.Constant(PublishedFrom));
        var to = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(DateTimeOffset?)], v, Expression.Constant(PublishedTo));
        var knownAt = Expression.Property(Expression.Constant(context), nameof(BurdenShiftDbContext.KnownAt));
        var body = Expression.AndAlso(
            Expression.LessThanOrEqual(from, knownAt),
            Expression.OrElse(
                Expression.Equal(to, Expression.Constant(null, typeof(DateTimeOffset?))),
                Expression.GreaterThan(to, Expression.Convert(knownAt, typeof(DateTimeOffset?)))));
        return Expression.Lambda(body, v);
    }
}
