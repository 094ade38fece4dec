using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace BurdenShift.Bench;

/// <summary>
/// What the live-refresh benches (<c>circuits</c>, <c>readers</c>) share: one CLI import as an
/// editor's script would run it, and the moment that import commits.
/// </summary>
internal static class LiveRefresh
{
    /// <summary>The machine's clock (Unix ms, as the pages' Date.now()) when the database's data version first moves.</summary>
    public static async Task<double> CommitTimeAsync(string databaseFile, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"DataVersion\" FROM \"DatasetInfo\"";
        var before = await command.ExecuteScalarAsync(ct);
        while (true)
        {
            await Task.Delay(5, ct);
            try
            {
                if (!Equals(await command.ExecuteScalarAsync(ct), before))
                {
                    return DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                }
            }
            catch (SqliteException)
            {
                // The import holds the file's write lock for a moment: read again.
            }
        }
    }

    public static async Task<double> ImportAsync(string databaseFile)
    {
        var csv = Path.Combine(Path.GetTempPath(), $"burdenshift-circuits-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "area,as_of,europe_share,us_share,source,confidence,note\ndrones,2026-06-29,47.3,45,libya-2011-wsj,low,circuits bench\n");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "BurdenShift.Web.dll"), "import", csv, "--ConnectionStrings:BurdenShift", $"Data Source={databaseFile}", "--Database:Provider", "Sqlite" })
        {
            psi.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(csv);
        return process.ExitCode == 0 ? clock.Elapsed.TotalMilliseconds : throw new InvalidOperationException($"The import failed ({process.ExitCode}):\n{output}");
    }
}
