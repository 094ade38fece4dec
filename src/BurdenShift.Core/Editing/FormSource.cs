using BurdenShift.Core.Editing.Kinds;

namespace BurdenShift.Core.Editing;

/// <summary>The source field of a form: a registry key, or a new source built from the fields that go with it.</summary>
internal static class FormSource
{
    /// <summary>Points the row at the chosen source, or at a new one built from the form (returned, added to the context, not yet saved).</summary>
    public static async Task<Source?> ResolveAsync(BurdenShiftDbContext db, IFigureHandler handler, object row, FormValues v, CancellationToken ct)
    {
        var key = v.Raw(FormFields.Source)?.Trim();
        if (!string.IsNullOrEmpty(key))
        {
            var id = !InputRules.IsPlausibleKey(key) ? null : await db.Sources.Where(s => s.Key == key).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                v.Error(FormFields.Source, $"The source '{InputRules.Shown(key)}' is not in the registry.");
                return null;
            }

            handler.Cite(row, id.Value, null);
            return null;
        }

        var publisher = v.Text(FormFields.SourcePublisher, ColumnLimits.SourcePublisher, required: false);
        var title = v.Text(FormFields.SourceTitle, ColumnLimits.SourceTitle, required: false);
        var url = v.Text(FormFields.SourceUrl, ColumnLimits.SourceUrl, required: false);
        var badUrl = url is not null && InputRules.UrlProblem(url) is not null;
        if (badUrl)
        {
            v.Error(FormFields.SourceUrl, "The source URL must be a full web address (https://...).");
        }

        if (publisher is null || title is null)
        {
            v.Error(FormFields.Source, "Every figure needs a source: pick one from the registry, or give a new source's publisher and title.");
            return null;
        }

        // The new source is graded like the figure, or on its own for kinds without a confidence.
        Confidence? confidence = !handler.Kind.HasConfidence() ? v.Confidence(FormFields.SourceConfidence)
            : TypedValues.Confidence(v.Raw(FormFields.Confidence)).OrNull;
        if (badUrl || confidence is null)
        {
            return null;
        }

        var created = new Source
        {
            Key = $"editor-{Guid.NewGuid():N}"[..20],
            Publisher = publisher,
            Title = title,
            Url = url,
            Confidence = confidence.Value,
            EnteredBy = "",
        };
        db.Sources.Add(created);
        handler.Cite(row, 0, created);
        return created;
    }
}
