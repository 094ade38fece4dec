using System.Data.Common;
using System.Diagnostics;
using BurdenShift.Core.Audit;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Xunit.Abstractions;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// PostgreSQL going away for a moment (a restart, a lost answer): reads are retried, and a write is
/// committed once or refused, never lost after it was confirmed and never written twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TransientFaultTests(PostgresServer postgres, ITestOutputHelper output)
{
    private static readonly System.Security.Claims.ClaimsPrincipal Editor = EditScene.User("editor@example.org", Roles.Editor);

    [Fact]
    public async Task A_commit_whose_answer_is_lost_is_checked_and_not_written_again()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres);
        await database.SeedAsync("none");

        var lose = new LoseCommitAnswer();
        var factory = new RetryingFactory(database.ConnectionString, lose);
        var editor = new FigureEditor(factory, TimeProvider.System, NullLogger<FigureEditor>.Instance);
        var importer = new FigureImporter(factory, TimeProvider.System, NullLogger<FigureImporter>.Instance);

        lose.Armed = true;
        var saved = await editor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", EditScene.Assessment(note: "saved once"), null), Editor);
        lose.Armed = true;
        var csv = "area,as_of,europe_share,us_share,source,confidence,note\ndrones,2025-06-30,38.5,55,A New Institute,medium,imported once\n";
        var imported = await importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test", dryRun: false);

        Assert.Equal(2, lose.Thrown);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.ShareAssessments.CountAsync(s => s.Note == "saved once"));
        Assert.Equal(1, await check.ShareAssessments.CountAsync(s => s.Note == "imported once"));
        Assert.Equal(1, await check.Sources.CountAsync(s => s.Publisher == "A New Institute"));
        Assert.Equal(1, await check.ChangeSets.CountAsync());
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.EntityId == saved.Id!.Value.ToString() && a.EntityType == "ShareAssessment" && a.ChangeSetId == null));
    }

    [Fact]
    public async Task A_draft_whose_store_loses_its_commit_answer_is_kept_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres);
        await database.SeedAsync("none");

        var lose = new LoseCommitAnswer();
        var factory = new RetryingFactory(database.ConnectionString, lose);
        var editor = new FigureEditor(factory, TimeProvider.System, NullLogger<FigureEditor>.Instance, new Core.Review.ReviewPolicy(true));

        // The proposal's rehearsal is rolled back; the first commit is the draft's store, whose answer is lost.
        lose.Armed = true;
        var proposed = await editor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", EditScene.Assessment(note: "proposed once"), "census"), Editor);

        Assert.Equal(1, lose.Thrown);
        Assert.True(proposed.Succeeded, string.Join("; ", proposed.Errors.Values));
        await using var check = database.CreateContext();
        var draft = await check.Drafts.SingleAsync();
        Assert.Equal(proposed.DraftId, draft.Id);
        Assert.NotNull(draft.ProposalKey);
        Assert.Equal(0, await check.ShareAssessments.CountAsync());

        // The key is unique in the database itself: a second draft under it is refused.
        check.Drafts.Add(new Core.Domain.Draft
        {
            Action = "save",
            Description = "a copy",
            Author = "editor@example.org",
            Request = draft.Request,
            ProposalKey = draft.ProposalKey,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => check.SaveChangesAsync());
    }

    [Fact]
    public async Task A_postgres_restart_under_reads_and_writes_fails_no_read_loses_or_doubles_no_write_and_the_app_recovers()
    {
        using var retries = new RetryCounter();
        var server = await PostgresServer.StartDedicatedAsync();
        try
        {
            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, server);
            await using var app = AppFactory.For(database, dataset: "none");
            using var client = app.CreateClient();
            var editor = app.Services.GetRequiredService<FigureEditor>();
            var clock = Stopwatch.StartNew();
            var limit = TimeSpan.FromSeconds(90);
            const int MaxOps = 300, AfterRestart = 15;
            var restarted = false;
            int reads = 0, failedReads = 0, readsAfter = 0, writesAfter = 0;
            var writes = new List<(string Note, bool Confirmed, string Outcome)>();

            bool Done(int after, int ops) => (restarted && after >= AfterRestart) || ops >= MaxOps || clock.Elapsed > limit;

            var reader = Task.Run(async () =>
            {
                while (!Done(readsAfter, reads))
                {
                    var response = await client.GetAsync(reads % 2 == 0 ? "/api/areas?asOf=2026-06-30" : "/api/areas/drones?asOf=2026-06-30");
                    reads++;
                    failedReads += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
                    readsAfter += restarted ? 1 : 0;
                }
            });
            var writer = Task.Run(async () =>
            {
                while (!Done(writesAfter, writes.Count))
                {
                    var note = $"restart test write {writes.Count}";
                    try
                    {
                        var result = await editor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", EditScene.Assessment(note: note), null), Editor);
                        writes.Add((note, result.Succeeded, result.Succeeded ? "saved" : string.Join("; ", result.Errors.Values)));
                    }
                    catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
                    {
                        writes.Add((note, false, $"{ex.GetType().Name}: {ex.Message}"));
                    }

                    writesAfter += restarted ? 1 : 0;
                }
            });

            // Restart once both loops are under way; they keep going through it and after it.
            while ((reads < 10 || writes.Count < 10) && clock.Elapsed < limit)
            {
                await Task.Delay(20);
            }

            var down = Stopwatch.StartNew();
            await server.RestartAsync();
            var restartTook = down.Elapsed;
            restarted = true;
            await Task.WhenAll(reader, writer);
            var health = await client.GetAsync("/health/ready");

            await using var db = database.CreateContext();
            var stored = await db.ShareAssessments.Where(s => s.Note!.StartsWith("restart test write")).GroupBy(s => s.Note!)
                .Select(g => new { Note = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Note, g => g.Count);
            var confirmed = writes.Count(w => w.Confirmed);
            var lostOrDoubled = writes.Count(w => stored.GetValueOrDefault(w.Note) != (w.Confirmed ? 1 : 0));
            output.WriteLine($"restart took {restartTook.TotalSeconds:0.00} s; reads {reads} (failed {failedReads}), writes {writes.Count} " +
                $"(confirmed {confirmed}, refused {writes.Count - confirmed}, lost or doubled {lostOrDoubled}), EF retries {retries.Count}, loop {clock.Elapsed.TotalSeconds:0.0} s");
            foreach (var refused in writes.Where(w => !w.Confirmed))
            {
                output.WriteLine($"refused: {refused.Note}: {refused.Outcome}");
            }

            Assert.True(restarted && readsAfter >= AfterRestart && writesAfter >= AfterRestart, "the loops ran out of time or count before going on after the restart");
            Assert.Equal(0, failedReads);
            Assert.Equal(0, lostOrDoubled);
            Assert.All(writes.Where(w => !w.Confirmed), w => Assert.DoesNotContain("Exception", w.Outcome, StringComparison.Ordinal));
            Assert.True(retries.Count > 0, "the restart should have cut at least one connection in use");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A context factory like the app's on PostgreSQL (same retry settings), watching commits.</summary>
    private sealed class RetryingFactory(string connectionString, IInterceptor interceptor) : IDbContextFactory<BurdenShiftDbContext>
    {
        public BurdenShiftDbContext CreateDbContext() => new PostgresBurdenShiftDbContext(
            new DbContextOptionsBuilder<PostgresBurdenShiftDbContext>()
                .UseNpgsql(connectionString, o => o.EnableRetryOnFailure(5, TimeSpan.FromSeconds(5), null))
                .AddInterceptors(interceptor).Options);
    }

    /// <summary>Once armed, the next commit succeeds on the server but its answer is "lost" on the way back.</summary>
    private sealed class LoseCommitAnswer : DbTransactionInterceptor
    {
        public bool Armed { get; set; }

        public int Thrown { get; private set; }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (!Armed)
            {
                return Task.CompletedTask;
            }

            Armed = false;
            Thrown++;
            throw new NpgsqlException("The answer to COMMIT was lost (simulated by the test).", new IOException("Connection reset by peer"));
        }
    }

    /// <summary>Counts EF's "transient failure, retrying" events in this process.</summary>
    private sealed class RetryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public RetryCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public int Count => _count;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == CoreEventId.ExecutionStrategyRetrying.Name)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
