using System.Data.Common;
using System.Text;
using BurdenShift.Core.Dashboard;
using BurdenShift.Core.Data;
using BurdenShift.Core.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace BurdenShift.Bench;

/// <summary>
/// The PostgreSQL plans of the commands the dashboard sends for an as-of date (the overview and
/// one area's entry, the charts' depth of areas and indicators, and the sources page of the source the bench's rows cite): runs them through <see cref="DashboardService"/>, records each command with
/// its parameters, and writes EXPLAIN (ANALYZE, BUFFERS) of each to a file.
/// </summary>
internal static class QueryPlans
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    public static async Task WriteAsync(string connectionString, string file, CancellationToken ct)
    {
        var recorder = new Recorder();
        var options = new DbContextOptionsBuilder<PostgresBurdenShiftDbContext>().UseNpgsql(connectionString).AddInterceptors(recorder).Options;
        var dashboard = new DashboardService(new Contexts(options));
        var what = new List<(string Name, int From)>();
        what.Add(("overview (GET /api/areas, /)", recorder.Commands.Count));
        await dashboard.GetOverviewAsync(AsOf, ct);
        what.Add(("area entry isr (GET /api/areas/isr, /areas/isr)", recorder.Commands.Count));
        await dashboard.GetAreaAsync("isr", AsOf, ct);
        // The charts' depth (packs, the index chart, the compare page): the overview again (cached in
        // the app), then what lies before each window: the first rows, then each month end's row.
        what.Add(("chart depth: overview, then before each area's window (GET /api/export/pack.pptx)", recorder.Commands.Count));
        await dashboard.GetOverviewAsync(AsOf, HistoryDepth.Chart, ct);
        what.Add(("indicators at the chart depth (compare page's indicators, chart of an indicator of no area)", recorder.Commands.Count));
        await dashboard.GetIndicatorOverviewAsync(AsOf, HistoryDepth.Chart, ct);
        // The source the bench's rows all cite (the first): its registry page counts them and lists the newest.
        await using (var db = new PostgresBurdenShiftDbContext(options))
        {
            var cited = await db.Sources.OrderBy(s => s.Id).Select(s => s.Key).FirstAsync(ct);
            what.Add(($"sources page of the source every row cites (GET /sources?q={cited})", recorder.Commands.Count));
            await new SourceRegistryService(new Contexts(options)).GetPageAsync(AsOf, cited, null, 1, ct: ct);
        }

        var text = new StringBuilder();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        for (var i = 0; i < recorder.Commands.Count; i++)
        {
            var heading = what.LastOrDefault(w => w.From <= i).Name;
            var (sql, parameters) = recorder.Commands[i];
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, connection);
            foreach (var p in parameters)
            {
                explain.Parameters.Add(p.Clone());
            }

            text.AppendLine($"## {heading}: command {i + 1}").AppendLine().AppendLine("```sql").AppendLine(sql).AppendLine("```").AppendLine().AppendLine("```");
            await using var reader = await explain.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                text.AppendLine(reader.GetString(0));
            }

            text.AppendLine("```").AppendLine();
        }

        await File.WriteAllTextAsync(file, text.ToString(), ct);
    }

    private sealed class Contexts(DbContextOptions<PostgresBurdenShiftDbContext> options) : IDbContextFactory<BurdenShiftDbContext>
    {
        public BurdenShiftDbContext CreateDbContext() => new PostgresBurdenShiftDbContext(options);
    }

    private sealed class Recorder : DbCommandInterceptor
    {
        public List<(string Sql, List<NpgsqlParameter> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
            return ValueTask.FromResult(result);
        }
    }
}
