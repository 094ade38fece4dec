namespace BurdenShift.Core.Data.Configurations;

/// <summary>
/// Check constraints named as every table names them, <c>CK_{table}_{what}</c>, so a configuration
/// says what it refuses and not how the constraint is spelled. The names are in the migrations:
/// keep them.
/// </summary>
internal static class TableChecks
{
    public static TableBuilder<T> Check<T>(this TableBuilder<T> t, string what, string sql)
        where T : class
    {
        t.HasCheckConstraint($"CK_{t.Name}_{what}", sql);
        return t;
    }

    /// <summary>Each of these text columns holds more than white space.</summary>
    public static TableBuilder<T> NotBlank<T>(this TableBuilder<T> t, params string[] columns)
        where T : class
    {
        foreach (var column in columns)
        {
            t.Check(column, SqlDialect.NotBlank(column));
        }

        return t;
    }

    /// <summary>The column holds one of these values (an enum's wire names, <c>WireNames</c>).</summary>
    public static TableBuilder<T> OneOf<T>(this TableBuilder<T> t, string column, IEnumerable<string> values)
        where T : class =>
        t.Check(column, SqlDialect.In(column, [.. values]));
}
