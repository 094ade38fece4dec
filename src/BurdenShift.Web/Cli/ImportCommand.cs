using BurdenShift.Core.Imports;

namespace BurdenShift.Web.Cli;

/// <summary>
/// <c>import FILE [--dry-run] [--draft]</c>: imports a CSV of share assessments or indicator observations
/// into the configured database, for scripts. With <c>--draft</c> (or <c>Editing:Review = required</c>)
/// the file is kept as one draft for review instead of being published. Exit code 0 when the file was imported (or would
/// be, with --dry-run), 1 when any row was refused (nothing is written then), 2 for a usage or
/// configuration error.
/// </summary>
internal static class ImportCommand
{
    public const string Usage = "usage: BurdenShift.Web import FILE [--dry-run] [--draft] [--Setting:Name value ...]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var dryRun = args.Contains("--dry-run");
        var draft = args.Contains("--draft");
        var rest = args.Where(a => a is not ("--dry-run" or "--draft")).ToList();
        if (rest.Count == 0 || rest[0].StartsWith("--", StringComparison.Ordinal))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var path = ResolvePath(rest[0]);
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"import: {rest[0]} does not exist.");
            return 2;
        }

        try
        {
            // The rest configures the database exactly as for the app (appsettings, environment, --Key value).
            await using var app = await CliHost.StartAsync(rest.Skip(1));

            await using var file = File.OpenRead(path);
            var result = await app.Services.GetRequiredService<FigureImporter>()
                .ImportAsync(file, ImportFormats.FromFileName(path), $"import:{Path.GetFileName(path)}", dryRun, draft);
            return await ReportAsync(result, rest[0], dryRun, stdout, stderr);
        }
        catch (StartupConfigurationException ex)
        {
            await stderr.WriteLineAsync($"import: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> ReportAsync(ImportResult result, string name, bool dryRun, TextWriter stdout, TextWriter stderr)
    {
        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems)
            {
                await stderr.WriteLineAsync($"{name}: {problem}");
            }

            await stderr.WriteLineAsync($"{name}: refused, nothing was written ({result.Problems.Count} problem(s)).");
            return 1;
        }

        var sources = result.NewSources.Count > 0 ? $"; new sources: {string.Join("; ", result.NewSources)}" : "";
        await stdout.WriteLineAsync(dryRun
            ? $"{name}: dry run, {result.Rows} {result.KindName} would be imported{sources}; nothing was written."
            : result.DraftId is { } draftId
            ? $"{name}: {result.Rows} {result.KindName} kept as draft #{draftId} for review{sources}; nothing is published until another editor publishes it (review publish {draftId} --by EMAIL)."
            : $"{name}: imported {result.Rows} {result.KindName}{sources}.");
        return 0;
    }

    /// <summary>
    /// `dotnet run --project` starts the app in the project folder; a relative path is meant
    /// from where the command was typed, which the shell keeps in PWD.
    /// </summary>
    internal static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var shellDir = Environment.GetEnvironmentVariable("PWD");
        return string.IsNullOrEmpty(shellDir) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(shellDir, path));
    }
}
