using System.Security.Claims;
using System.Text.Json;
using BurdenShift.Core.Accounts;
using BurdenShift.Core.Data;
using BurdenShift.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BurdenShift.Core.Editing;

/// <summary>What an editor typed for a new share assessment; anything may be missing or wrong.</summary>
public sealed record ShareAssessmentDraft(
    string AreaKey,
    DateOnly? AsOf,
    decimal? EuropeShare,
    decimal? UsShare,
    Confidence? Confidence,
    string? SourceKey,
    string? NewSourcePublisher,
    string? NewSourceTitle,
    string? NewSourceUrl,
    string? Note);

/// <summary>The outcome of an edit: field errors (nothing written) or the new row's id.</summary>
public sealed record EditResult(IReadOnlyDictionary<string, string> Errors, long? Id)
{
    public bool Succeeded => Errors.Count == 0;

    public static EditResult Refused(string field, string message) => new(new Dictionary<string, string> { [field] = message }, null);
}

public sealed record SourceChoice(string Key, string Publisher, string Title);

/// <summary>
/// Writes editors' figures. Authorization is checked here, on the server, whatever the page
/// showed; every rule is checked before anything is written; the figure and its audit entry are
/// written in one transaction, so a failed audit write fails the change.
/// </summary>
public sealed class FigureEditor(IDbContextFactory<BurdenShiftDbContext> dbFactory, TimeProvider time, ILogger<FigureEditor> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<SourceChoice>> GetSourceChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Sources.AsNoTracking().OrderBy(s => s.Publisher).ThenBy(s => s.Title)
            .Select(s => new SourceChoice(s.Key, s.Publisher, s.Title)).ToListAsync(ct);
    }

    public async Task<EditResult> AddShareAssessmentAsync(ShareAssessmentDraft draft, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Editor) && !user.IsInRole(Roles.Admin))
        {
            logger.LogWarning("Refused a share assessment from {User}: not an editor", user.Identity?.Name ?? "anonymous");
            return EditResult.Refused("", "Only editors and admins may add figures.");
        }

        var errors = new Dictionary<string, string>();
        if (draft.AsOf is not { } asOf)
        {
            errors["asOf"] = "Give the date the figure describes.";
        }
        else if (FigureRules.DateProblem("The date", asOf) is { } dateProblem)
        {
            errors["asOf"] = dateProblem;
        }

        foreach (var (field, message) in FigureRules.ShareProblems("europeShare", draft.EuropeShare, "usShare", draft.UsShare))
        {
            errors.TryAdd(field, message.Replace("europeShare", "Europe's share", StringComparison.Ordinal).Replace("usShare", "the US share", StringComparison.Ordinal));
        }

        if (draft.Confidence is null)
        {
            errors["confidence"] = "Choose a confidence: high, medium or low.";
        }

        var newSource = string.IsNullOrWhiteSpace(draft.SourceKey);
        if (newSource && (string.IsNullOrWhiteSpace(draft.NewSourcePublisher) || string.IsNullOrWhiteSpace(draft.NewSourceTitle)))
        {
            errors["source"] = "Every figure needs a source: pick one from the registry, or give a new source's publisher and title.";
        }

        if (newSource && !string.IsNullOrWhiteSpace(draft.NewSourceUrl) && !Uri.TryCreate(draft.NewSourceUrl, UriKind.Absolute, out _))
        {
            errors["sourceUrl"] = "The source URL must be a full address (https://...).";
        }

        if (draft.Note is { Length: > 2000 })
        {
            errors["note"] = "The note is longer than 2000 characters.";
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var area = await db.Areas.AsNoTracking().Where(a => a.Key == draft.AreaKey).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(ct);
        if (area is null)
        {
            errors["area"] = $"There is no area with the key '{draft.AreaKey}'.";
        }

        var source = newSource ? null : await db.Sources.FirstOrDefaultAsync(s => s.Key == draft.SourceKey, ct);
        if (!newSource && source is null)
        {
            errors["source"] = $"The source '{draft.SourceKey}' is not in the registry.";
        }

        if (errors.Count > 0)
        {
            return new EditResult(errors, null);
        }

        var by = user.Identity?.Name ?? "";
        var now = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (source is null)
            {
                source = new Source
                {
                    Key = $"editor-{Guid.NewGuid():N}"[..20],
                    Publisher = draft.NewSourcePublisher!.Trim(),
                    Title = draft.NewSourceTitle!.Trim(),
                    Url = string.IsNullOrWhiteSpace(draft.NewSourceUrl) ? null : draft.NewSourceUrl.Trim(),
                    Confidence = draft.Confidence!.Value,
                    EnteredBy = by,
                    EnteredAt = now,
                };
                db.Sources.Add(source);
            }

            var assessment = new ShareAssessment
            {
                AreaId = area!.Id,
                AsOf = draft.AsOf!.Value,
                EuropeShare = draft.EuropeShare,
                UsShare = draft.UsShare,
                Source = source,
                Confidence = draft.Confidence!.Value,
                Note = string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim(),
                EnteredBy = by,
                EnteredAt = now,
            };
            db.ShareAssessments.Add(assessment);
            await db.SaveChangesAsync(ct);

            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                By = by,
                Action = "insert",
                EntityType = nameof(ShareAssessment),
                EntityId = assessment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Summary = $"{area.Name}, {assessment.AsOf:yyyy-MM-dd}: Europe {assessment.EuropeShare?.ToString() ?? "-"}, US {assessment.UsShare?.ToString() ?? "-"}",
                NewValues = JsonSerializer.Serialize(new
                {
                    area = draft.AreaKey,
                    asOf = assessment.AsOf,
                    europeShare = assessment.EuropeShare,
                    usShare = assessment.UsShare,
                    confidence = assessment.Confidence.ToWire(),
                    source = source.Key,
                    note = assessment.Note,
                }, Json),
            });
            // Same transaction: if the audit entry cannot be written, the figure is not either.
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("{User} added a share assessment for {Area} dated {AsOf}", by, draft.AreaKey, assessment.AsOf);
            return new EditResult(new Dictionary<string, string>(), assessment.Id);
        });
    }
}
