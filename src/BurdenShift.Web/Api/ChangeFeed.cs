using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;

namespace BurdenShift.Web.Api;

/// <summary>
/// <c>/feeds/changes.atom[?area=KEY]</c>: an Atom feed (RFC 4287) of the latest published changes,
/// overall or of one area, for any feed reader. Built from the audit log, which holds published
/// changes only (a draft writes nothing there until it is published); bounded to the latest
/// <see cref="Entries"/> changes; readable by whoever may read the API, and it names no editor.
/// </summary>
internal static class ChangeFeed
{
    public const int Entries = 50;

    public static IEndpointRouteBuilder MapChangeFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/changes.atom", async (HttpContext http, AuditHistory history, [FromQuery] string? area, CancellationToken ct) =>
            {
                var key = string.IsNullOrWhiteSpace(area) ? null : area.Trim();
                if (await history.GetPublishedAsync(key, Entries, ct) is not { } changes)
                {
                    return Results.Problem(title: "Unknown area", detail: $"There is no capability area with the key '{Core.Inputs.InputRules.Shown(key ?? "")}'.",
                        statusCode: StatusCodes.Status404NotFound);
                }

                var site = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
                return Results.Bytes(Write(changes, site, key), "application/atom+xml; charset=utf-8");
            })
            .WithTags("Feeds")
            .WithSummary($"An Atom feed of the latest {Entries} published changes, overall or of one area (area=KEY)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static byte[] Write(IReadOnlyList<PublishedChange> changes, string site, string? area)
    {
        const string atom = "http://www.w3.org/2005/Atom";
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", atom);
            var self = $"{site}/feeds/changes.atom{(area is null ? "" : $"?area={Uri.EscapeDataString(area)}")}";
            xml.WriteElementString("id", atom, self);
            xml.WriteElementString("title", atom, area is null ? "BurdenShift: published changes" : $"BurdenShift: published changes to {area}");
            xml.WriteElementString("updated", atom, Moment(changes.Count > 0 ? changes[0].At : DateTimeOffset.UnixEpoch));
            Link(xml, atom, "self", self);
            Link(xml, atom, "alternate", area is null ? $"{site}/changes" : $"{site}/areas/{Uri.EscapeDataString(area)}");
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, "BurdenShift editors");
            xml.WriteEndElement();
            foreach (var change in changes)
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("id", atom, $"{site}/feeds/changes/{change.Id.ToString(CultureInfo.InvariantCulture)}");
                xml.WriteElementString("title", atom, change.Summary);
                xml.WriteElementString("updated", atom, Moment(change.At));
                Link(xml, atom, "alternate", change.AreaKey is { } k ? $"{site}/areas/{Uri.EscapeDataString(k)}" : $"{site}/sources");
                xml.WriteStartElement("content", atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(Content(change));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static string Content(PublishedChange change)
    {
        var text = new StringBuilder(change.Summary);
        if (change.Reason is { Length: > 0 } reason)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nReason: {reason}");
        }

        foreach (var c in change.Changes)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{c.Field}: {c.Before ?? "(none)"} -> {c.After ?? "(none)"}");
        }

        return text.ToString();
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
