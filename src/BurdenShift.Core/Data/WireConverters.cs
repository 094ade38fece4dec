using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BurdenShift.Core.Data;

internal sealed class ConfidenceConverter() : ValueConverter<Confidence, string>(
    v => v.ToWire(), v => WireNames.ParseConfidence(v));

internal sealed class DirectionConverter() : ValueConverter<IndicatorDirection, string>(
    v => v.ToWire(), v => WireNames.ParseDirection(v));

internal sealed class MilestoneStatusConverter() : ValueConverter<MilestoneStatus, string>(
    v => v.ToWire(), v => WireNames.ParseMilestoneStatus(v));

internal sealed class DatePrecisionConverter() : ValueConverter<DatePrecision, string>(
    v => v.ToWire(), v => WireNames.ParseDatePrecision(v));

internal sealed class ShareBasisConverter() : ValueConverter<ShareBasisKind, string>(
    v => v.ToWire(), v => WireNames.ParseShareBasis(v));

/// <summary>
/// SQLite has no timestamp type and EF's default binary form for DateTimeOffset orders by local
/// clock time; entry times are stored as UTC ticks so they order and compare correctly.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
