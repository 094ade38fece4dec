namespace BurdenShift.Web.Cli;

/// <summary>
/// A verb's <c>--name value</c> options, read the same way by every verb that takes them: the
/// arguments that are not one of its options stay in order for <see cref="CliHost"/> (settings such
/// as <c>--Database:Provider postgres</c>).
/// </summary>
internal static class CliOptions
{
    public static (IReadOnlyDictionary<string, string> Options, List<string> Others) Read(IReadOnlyList<string> args, int from, params string[] names)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = from; i < args.Count; i++)
        {
            if (names.Contains(args[i], StringComparer.Ordinal) && i + 1 < args.Count)
            {
                options[args[i]] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (options, rest);
    }
}
