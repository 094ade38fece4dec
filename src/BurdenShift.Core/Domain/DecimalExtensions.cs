namespace BurdenShift.Core.Domain;

public static class DecimalExtensions
{
    /// <summary>
    /// The same number without trailing zeros: PostgreSQL's numeric(7,4) reads 60.2 back as
    /// 60.2000 while SQLite gives 60.2; normalised, both print and serialise alike.
    /// </summary>
    public static decimal Normalize(this decimal value) => value / 1.000000000000000000000000000000000m;

    public static decimal? Normalize(this decimal? value) => value?.Normalize();
}
