namespace BurdenShift.Core.Domain;

/// <summary>
/// An enum's wire names, each written once: writing a value, reading it back and the database's
/// check constraint (<see cref="Names"/>) all read the same pairs, so they cannot drift apart.
/// </summary>
public sealed class WireTable<T>
    where T : struct, Enum
{
    private readonly (T Value, string Name)[] _pairs;

    public WireTable(params (T Value, string Name)[] pairs)
    {
        _pairs = pairs;
        Names = [.. pairs.Select(p => p.Name)];
    }

    /// <summary>Every name, in the order messages and check constraints list them.</summary>
    public IReadOnlyList<string> Names { get; }

    public string Name(T value)
    {
        foreach (var (v, name) in _pairs)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, null);
    }

    /// <summary>The value named, ignoring case and surrounding space; false (and the default) for anything else.</summary>
    public bool TryParse(string? text, out T value)
    {
        var name = text?.Trim().ToLowerInvariant();
        foreach (var (v, n) in _pairs)
        {
            if (n == name)
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }
}
