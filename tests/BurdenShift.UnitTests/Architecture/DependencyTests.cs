using System.Text.RegularExpressions;

namespace BurdenShift.UnitTests.Architecture;

/// <summary>
/// The structure the code is built on (docs/architecture.md), checked on the source: Core never
/// depends on Web, and the Web feature folders depend on each other without a cycle, so a feature
/// can be read, moved or tested on its own. Program.cs and WebSetup.cs compose everything and are
/// left out.
/// </summary>
public sealed partial class DependencyTests
{
    private static readonly string Src = Path.Combine(RepoRoot(), "src");

    [Fact]
    public void Core_never_refers_to_web()
    {
        var offenders = SourceFiles(Path.Combine(Src, "BurdenShift.Core"))
            .Where(f => WebReference().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Src, f))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Web_feature_folders_form_no_cycle()
    {
        var web = Path.Combine(Src, "BurdenShift.Web");
        var features = Directory.GetDirectories(web).Select(Path.GetFileName).OfType<string>()
            .Where(d => d is not ("bin" or "obj" or "wwwroot" or "Properties")).ToHashSet();
        var edges = features.ToDictionary(f => f, _ => new HashSet<string>());
        foreach (var feature in features)
        {
            foreach (var file in SourceFiles(Path.Combine(web, feature)))
            {
                foreach (Match m in WebReference().Matches(File.ReadAllText(file)))
                {
                    var target = m.Groups[1].Value;
                    if (target != feature && features.Contains(target))
                    {
                        edges[feature].Add(target);
                    }
                }
            }
        }

        var cycle = FindCycle(edges);

        Assert.True(cycle is null, $"Feature folders depend on each other in a cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> edges)
    {
        var state = edges.Keys.ToDictionary(k => k, _ => 0);
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in edges[node].Order(StringComparer.Ordinal))
            {
                if (state[next] == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }

                if (state[next] == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (state[node] == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static IEnumerable<string> SourceFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BurdenShift.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("BurdenShift.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"BurdenShift\.Web\.([A-Za-z]+)")]
    private static partial Regex WebReference();
}
