namespace BurdenShift.Core.Domain;

/// <summary>
/// How precisely a source dated a figure. Public reporting often gives only a month, a quarter
/// or a year; the stored date is then the last day of that period (see <see cref="PartialDate"/>).
/// </summary>
public enum DatePrecision
{
    Day = 1,
    Month = 2,
    Quarter = 3,
    Half = 4,
    Year = 5,
}
