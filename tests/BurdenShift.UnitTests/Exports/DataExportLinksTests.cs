using BurdenShift.Web.Components.Shared;

namespace BurdenShift.UnitTests.Exports;

public sealed class DataExportLinksTests
{
    [Fact]
    public void The_links_download_the_pages_table_for_the_pages_as_of_date()
    {
        using var ctx = new BunitContext();

        var cut = ctx.Render<DataExportLinks>(p => p.Add(c => c.Path, "areas/air-defence").Add(c => c.AsOf, "2026-06-30").Add(c => c.What, "this area's data"));

        var csv = cut.Find("[data-testid=data-export-areas-air-defence-csv]");
        var xlsx = cut.Find("[data-testid=data-export-areas-air-defence-xlsx]");
        Assert.Equal("api/export/data/areas/air-defence.csv?asOf=2026-06-30", csv.GetAttribute("href"));
        Assert.Equal("api/export/data/areas/air-defence.xlsx?asOf=2026-06-30", xlsx.GetAttribute("href"));
        // A download, not a page the Blazor router would try to show.
        Assert.True(csv.HasAttribute("download"));
        Assert.True(xlsx.HasAttribute("download"));
        Assert.Contains("this area's data", cut.Markup, StringComparison.Ordinal);
    }
}
