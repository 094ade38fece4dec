using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PdfSharp.Pdf.IO;
using A = DocumentFormat.OpenXml.Drawing;

namespace BurdenShift.IntegrationTests.Exports;

[Collection(PostgresCollection.Name)]
public sealed class PackExportTests(PostgresServer postgres)
{
    private const string AsOf = ExportApp.AsOf;
    private const string PptxType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private const string Banner = "OFFICIAL-SENSITIVE: test marking";

    private sealed record SlideText(string Text, string Notes, int Pictures);

    /// <summary>Opens the deck with the Open XML SDK, validates it and reads each slide's text, notes and pictures.</summary>
    private static List<SlideText> OpenDeck(byte[] pptx)
    {
        using var document = PresentationDocument.Open(new MemoryStream(pptx), false);
        var errors = new OpenXmlValidator().Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));

        var presentation = document.PresentationPart!;
        return
        [
            .. presentation.Presentation.SlideIdList!.Elements<DocumentFormat.OpenXml.Presentation.SlideId>()
                .Select(id => (SlidePart)presentation.GetPartById(id.RelationshipId!))
                .Select(slide => new SlideText(
                    string.Join("\n", slide.Slide.Descendants<A.Paragraph>().Select(p => p.InnerText)),
                    slide.NotesSlidePart is { } notes ? string.Join("\n", notes.NotesSlide.Descendants<A.Paragraph>().Select(p => p.InnerText)) : "",
                    slide.Slide.Descendants<DocumentFormat.OpenXml.Presentation.Picture>().Count())),
        ];
    }

    [Fact]
    public async Task Pptx_has_a_title_slide_then_one_slide_per_chosen_area_each_with_a_chart_notes_and_the_banner()
    {
        await using var app = await ExportApp.StartAsync(postgres, settings: ("Exports:Banner", Banner));
        var names = (await app.AreasAsync()).ToDictionary(a => a.Key, a => a.Name);

        var response = await app.Client.GetAsync($"/api/export/pack.pptx?asOf={AsOf}&areas=drones,isr");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PptxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("burdenshift-pack-2026-06-30.pptx", response.Content.Headers.ContentDisposition?.FileName);
        var slides = OpenDeck(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(3, slides.Count);
        Assert.All(slides, s =>
        {
            Assert.Contains(Banner, s.Text, StringComparison.Ordinal);
            Assert.Equal(1, s.Pictures);
            Assert.Contains("Data as of 2026-06-30", s.Notes, StringComparison.Ordinal);
            Assert.Contains("Data as of 2026-06-30", s.Text, StringComparison.Ordinal);
        });

        // The title slide: the handover index against both targets.
        Assert.Contains("handover index", slides[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("2027 (", slides[0].Text, StringComparison.Ordinal);
        Assert.Contains("2030 (", slides[0].Text, StringComparison.Ordinal);

        // Areas in the order asked, with their key figures, milestones and caveats.
        Assert.Contains(names["drones"], slides[1].Text, StringComparison.Ordinal);
        Assert.Contains("Europe 38.5%, US 55%", slides[1].Text, StringComparison.Ordinal);
        Assert.Contains("2027 target (50% by 2027-12-31): gap 11.5 pts", slides[1].Text, StringComparison.Ordinal);
        Assert.Contains("status", slides[1].Text, StringComparison.Ordinal);
        Assert.Contains("Source: Example Institute", slides[1].Notes, StringComparison.Ordinal);
        Assert.Contains("Lowest confidence among the figures shown: medium", slides[1].Notes, StringComparison.Ordinal);

        Assert.Contains(names["isr"], slides[2].Text, StringComparison.Ordinal);
        Assert.Contains("Europe no public figure, US 80%", slides[2].Text, StringComparison.Ordinal);
        Assert.Contains("No public figure gives a European share", slides[2].Notes, StringComparison.Ordinal);
        Assert.DoesNotContain("Europe 0%", slides[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pptx_without_areas_has_every_area_and_no_banner_unless_configured()
    {
        await using var app = await ExportApp.StartAsync(postgres);
        var areas = await app.AreasAsync();

        var slides = OpenDeck(await app.GetBytesAsync($"/api/export/pack.pptx?asOf={AsOf}&targets=2030", PptxType));

        Assert.Equal(areas.Count + 1, slides.Count);
        Assert.Equal(areas.Select(a => a.Name), slides.Skip(1).Select(s => s.Text.Split('\n')[0]));
        Assert.All(slides, s => Assert.NotEmpty(s.Notes));
        Assert.All(slides.Skip(1), s => Assert.DoesNotContain("2027 target", s.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(slides, s => s.Text.Contains("OFFICIAL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pack_with_a_pace_shows_each_area_slide_as_a_scenario_beside_its_fitted_figures()
    {
        await using var app = await ExportApp.StartAsync(postgres);

        var fitted = OpenDeck(await app.GetBytesAsync($"/api/export/pack.pptx?asOf={AsOf}&areas=drones", PptxType));
        var slides = OpenDeck(await app.GetBytesAsync($"/api/export/pack.pptx?asOf={AsOf}&areas=drones&pace=0", PptxType));

        // The title slide says the area slides are a scenario and that the index keeps its fitted trend.
        Assert.Contains("area slides: SCENARIO at 0 pts/yr", slides[0].Text, StringComparison.Ordinal);
        Assert.Contains("this index slide keeps the fitted trend", slides[0].Text, StringComparison.Ordinal);
        // Drones held at 38.5%: the scenario projects today's share to each deadline; the fitted lines stay.
        Assert.Contains("SCENARIO: 0 pts/yr: 2027 projected 38.5%", slides[1].Text, StringComparison.Ordinal);
        Assert.Contains("SCENARIO: 0 pts/yr: 2030 projected 38.5%", slides[1].Text, StringComparison.Ordinal);
        Assert.Contains("2027 target (50% by 2027-12-31): gap 11.5 pts", slides[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("SCENARIO", fitted[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Illustrative_packs_say_so_on_every_slide_and_in_every_note()
    {
        await using var app = await ExportApp.StartAsync(postgres, dataset: "illustrative");

        var slides = OpenDeck(await app.GetBytesAsync($"/api/export/pack.pptx?asOf={AsOf}&areas=drones", PptxType));

        Assert.Equal(2, slides.Count);
        Assert.All(slides, s =>
        {
            Assert.Contains("ILLUSTRATIVE", s.Text, StringComparison.Ordinal);
            Assert.Contains("ILLUSTRATIVE", s.Notes, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Pdf_has_one_page_per_slide(DatabaseProvider provider)
    {
        await using var app = await ExportApp.StartAsync(postgres, provider, settings: ("Exports:Banner", Banner));

        var response = await app.Client.GetAsync($"/api/export/pack.pdf?asOf={AsOf}&areas=isr,drones,cyber");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("burdenshift-pack-2026-06-30.pdf", response.Content.Headers.ContentDisposition?.FileName);
        using var pdf = PdfReader.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), PdfDocumentOpenMode.Import);
        Assert.Equal(4, pdf.PageCount);

        var all = await app.GetBytesAsync($"/api/export/pack.pdf?asOf={AsOf}", "application/pdf");
        using var full = PdfReader.Open(new MemoryStream(all), PdfDocumentOpenMode.Import);
        Assert.Equal((await app.AreasAsync()).Count + 1, full.PageCount);
    }

    [Fact]
    public async Task Exports_beyond_the_configured_rate_get_a_429_and_packs_count_apart_from_charts()
    {
        await using var app = await ExportApp.StartAsync(postgres, settings: [("Exports:PacksPerMinute", "2"), ("Exports:ChartsPerMinute", "3")]);

        var packs = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            packs.Add((await app.Client.GetAsync($"/api/export/pack.pptx?asOf={AsOf}&areas=isr")).StatusCode);
        }

        var charts = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            charts.Add((await app.Client.GetAsync($"/api/export/chart/isr.svg?asOf={AsOf}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], packs);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], charts);
        // The read API is not an export and is not limited by them.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/api/areas?asOf={AsOf}")).StatusCode);
    }

    [Fact]
    public async Task Bad_pack_parameters_get_a_400_that_names_the_reason()
    {
        await using var app = await ExportApp.StartAsync(postgres);

        foreach (var (url, reason) in new[]
        {
            ("/api/export/pack.pptx?areas=drones,atlantis", "atlantis"),
            ("/api/export/pack.pdf?areas=", "empty"),
            ("/api/export/pack.pdf?targets=2031", "2031"),
            ("/api/export/pack.pptx?asOf=yesterday", "asOf"),
            ("/api/export/pack.docx", ".docx"),
            ("/api/export/pack.pptx?pace=fast", "pace"),
            ("/api/export/pack.pdf?pace=1e3", "pace"),
        })
        {
            var response = await app.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
