using System.Net;
using BurdenShift.Core.Data;
using BurdenShift.Core.Editing;
using BurdenShift.Core.Imports;
using BurdenShift.IntegrationTests.Infrastructure;
using BurdenShift.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace BurdenShift.IntegrationTests.Inputs;

/// <summary>
/// Several hundred bad inputs (CSV and XLSX files, query parameters of the API, the exports and
/// pages, edit-form values through the editor the forms call, CLI arguments) against one seeded
/// database and app per provider. Every case must be refused with a reason (a 4xx with problem
/// details, a notice on a page, field errors, exit 1 or 2 with a message); none may answer 5xx
/// or throw, none may write a row, and no file may make the reader allocate without bound.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BadInputCorpusTests(PostgresServer postgres, ITestOutputHelper output)
{
    /// <summary>What one file case may allocate at most (all threads): far above a real import, far below a hostile one unbounded.</summary>
    private const long MaxAllocatedBytesPerFile = 64L * 1024 * 1024;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_bad_input_is_refused_with_a_reason_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider, "public-record");
        await using var app = new AppFactory(new Dictionary<string, string>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:BurdenShift"] = scene.Database.ConnectionString,
            ["Exports:ChartsPerMinute"] = "10000",
            ["Exports:PacksPerMinute"] = "10000",
        });
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        string indicatorKey;
        await using (var db = scene.Database.CreateContext())
        {
            indicatorKey = await db.Indicators.Where(i => i.Area != null).OrderBy(i => i.Key).Select(i => i.Key).FirstAsync();
        }

        var tally = new Tally();
        var before = await SnapshotAsync(scene.Database);
        var editor = EditScene.User("corpus@example.org", Core.Accounts.Roles.Editor);

        foreach (var file in BadInputCorpus.Csv(indicatorKey).Concat(BadInputCorpus.Xlsx()))
        {
            await tally.TryAsync(file.Name, async () =>
            {
                var allocated = GC.GetTotalAllocatedBytes(precise: false);
                var result = await scene.Importer.ImportAsync(new MemoryStream(file.Bytes), ImportFormats.FromFileName(file.FileName), "corpus@example.org", dryRun: false);
                tally.Allocated(GC.GetTotalAllocatedBytes(precise: false) - allocated);
                return result.Written ? "written" : result.Problems.Count == 0 ? "refused without a reason"
                    : result.Problems.All(p => p.Message.Length > 0) ? null : "an empty reason";
            });
        }

        await tally.CheckWritesAsync("files", before, await SnapshotAsync(scene.Database));

        foreach (var query in BadInputCorpus.Queries(indicatorKey))
        {
            await tally.TryAsync(query.Name, async () =>
            {
                using var response = await client.GetAsync(query.Url);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    return $"crash: {(int)response.StatusCode}";
                }

                if (query.IsPage)
                {
                    // Pages show today (or the default period) and say why, as a notice.
                    return response.StatusCode == HttpStatusCode.OK && body.Contains("instead", StringComparison.Ordinal) ? null : $"{(int)response.StatusCode} without a notice";
                }

                return (int)response.StatusCode is >= 400 and < 500
                       && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                       && body.Contains("\"title\"", StringComparison.Ordinal)
                    ? null
                    : $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}";
            });
        }

        foreach (var form in BadInputCorpus.Forms(indicatorKey))
        {
            await tally.TryAsync(form.Name, async () =>
            {
                var result = await scene.Editor.SaveAsync(new FigureSave(form.Kind, null, null, form.Parent, form.Values, null), editor);
                return result.Succeeded ? "written"
                    : result.Errors.TryGetValue(form.Field, out var message) || result.Errors.TryGetValue(Core.Editing.FigureKinds.SourceField, out message)
                        ? message.Length > 0 ? null : "an empty reason"
                        : $"refused for another field: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}"))}";
            });
        }

        // A stored row, for reasons: an update, a delete and a revert with a reason no column takes.
        await using (var db = scene.Database.CreateContext())
        {
            var stored = await db.ShareAssessments.OrderBy(s => s.Id).FirstAsync();
            var form = (await scene.Editor.LoadAsync(FigureKind.Assessment, stored.Id))!;
            var audit = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync();
            foreach (var reason in new[] { "\0", "why\u0007", new string('r', 1001) })
            {
                var values = new Dictionary<string, string?>(form.Values) { ["note"] = "changed" };
                await tally.TryAsync($"form update reason={BadInputCorpus.Show(reason)}", async () =>
                    (await scene.Editor.SaveAsync(new FigureSave(FigureKind.Assessment, stored.Id, form.Token, null, values, reason), editor)).Errors.ContainsKey("reason") ? null : "not refused for its reason");
                await tally.TryAsync($"form delete reason={BadInputCorpus.Show(reason)}", async () =>
                    (await scene.Editor.DeleteAsync(FigureKind.Assessment, stored.Id, form.Token, reason, editor)).Errors.ContainsKey("reason") ? null : "not refused for its reason");
                await tally.TryAsync($"form revert reason={BadInputCorpus.Show(reason)}", async () =>
                    (await scene.Editor.RevertAsync(audit, reason, editor)).Errors.ContainsKey("reason") ? null : "not refused for its reason");
            }
        }

        var dir = Directory.CreateTempSubdirectory("burdenshift-corpus-").FullName;
        try
        {
            var good = Path.Combine(dir, "good.csv");
            await File.WriteAllTextAsync(good, $"{BadInputCorpus.ShareHeader}\ndrones,2025-06-30,38.5,55,reuters-2027,medium,,\n");
            var missingFolder = Path.Combine(dir, "no-such-folder");
            var database = new[] { "--Database:Provider", provider.ToString(), "--ConnectionStrings:BurdenShift", scene.Database.ConnectionString };
            var cliCases = BadInputCorpus.Cli(missingFolder).ToList();
            // The same bad files through the CLI, on the real database: exit 1 and the reasons.
            foreach (var file in BadInputCorpus.Csv(indicatorKey).Where((_, i) => i % 8 == 0).Concat(BadInputCorpus.Xlsx().Where(f => f.Name.Contains("AAAAAA", StringComparison.Ordinal))))
            {
                var path = Path.Combine(dir, $"case-{cliCases.Count}{Path.GetExtension(file.FileName)}");
                await File.WriteAllBytesAsync(path, file.Bytes);
                cliCases.Add(new CliCase($"cli {file.Name}", ["import", path, .. database]));
            }

            foreach (var cli in cliCases)
            {
                await tally.TryAsync(cli.Name, async () =>
                {
                    var args = cli.Args.Select(a => a == "{good}" ? good : a).ToArray();
                    using var stdout = new StringWriter();
                    using var stderr = new StringWriter();
                    var code = await CliVerbs.TryRunAsync(args, new StringReader(cli.Stdin ?? ""), stdout, stderr);
                    return code is CliVerbs.Refused or CliVerbs.UsageError && stderr.ToString().Trim().Length > 0
                        ? null
                        : $"exit {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(web app)"}: {stderr.ToString().Trim()} {stdout}";
                });
            }

            Assert.False(Directory.Exists(missingFolder), "the CLI created the folder of a SQLite path that did not exist");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        await tally.CheckWritesAsync("everything", before, await SnapshotAsync(scene.Database));
        output.WriteLine($"{provider}: {tally.Tried} cases tried, {tally.Refused} refused with a reason, {tally.Crashes} crashes, " +
                         $"{tally.Writes} partial writes, largest allocation of one file case {tally.MaxAllocated / 1024.0 / 1024.0:F1} MB");
        foreach (var failure in tally.Failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(tally.Tried >= 300, $"only {tally.Tried} cases");
        Assert.Empty(tally.Failures);
        Assert.Equal(tally.Tried, tally.Refused);
        Assert.InRange(tally.MaxAllocated, 0, MaxAllocatedBytesPerFile);
    }

    /// <summary>Row counts of every table, deleted rows included, and the data version.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var counts = new[]
        {
            await db.Areas.IgnoreQueryFilters().CountAsync(), await db.Sources.IgnoreQueryFilters().CountAsync(),
            await db.ShareAssessments.IgnoreQueryFilters().CountAsync(), await db.Indicators.IgnoreQueryFilters().CountAsync(),
            await db.IndicatorObservations.IgnoreQueryFilters().CountAsync(), await db.Targets.IgnoreQueryFilters().CountAsync(),
            await db.Milestones.IgnoreQueryFilters().CountAsync(), await db.AuditEntries.CountAsync(), await db.ChangeSets.CountAsync(),
            await db.Users.CountAsync(),
        };
        var version = await db.DatasetInfo.Select(d => d.DataVersion).FirstOrDefaultAsync();
        return $"{string.Join(',', counts)} v{version}";
    }

    private sealed class Tally
    {
        public int Tried { get; private set; }

        public int Refused { get; private set; }

        public int Crashes { get; private set; }

        public int Writes { get; private set; }

        public long MaxAllocated { get; private set; }

        public List<string> Failures { get; } = [];

        public void Allocated(long bytes) => MaxAllocated = Math.Max(MaxAllocated, bytes);

        /// <summary>Runs one case: null from the check means refused with a reason; an exception is a crash.</summary>
        public async Task TryAsync(string name, Func<Task<string?>> run)
        {
            Tried++;
            try
            {
                var problem = await run();
                if (problem is null)
                {
                    Refused++;
                }
                else
                {
                    if (problem.StartsWith("crash", StringComparison.Ordinal))
                    {
                        Crashes++;
                    }
                    else if (problem == "written")
                    {
                        Writes++;
                    }

                    Failures.Add($"{name}: {problem}");
                }
            }
            catch (Exception ex)
            {
                Crashes++;
                Failures.Add($"{name}: crash {ex.GetType().Name}: {ex.Message}");
            }
        }

        public Task CheckWritesAsync(string stage, string before, string after)
        {
            if (before != after)
            {
                Writes++;
                Failures.Add($"after {stage}: the database changed ({before} -> {after})");
            }

            return Task.CompletedTask;
        }
    }
}
