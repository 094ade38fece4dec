using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace BurdenShift.Web.Exports;

/// <summary>
/// Writes a <see cref="BriefingPack"/> as a PDF with PDFsharp: one 16:9 landscape page per slide, laid
/// out like the slide, with the speaker notes (sources and caveats) printed in small type under the chart.
/// </summary>
public static class PdfPackWriter
{
    private const double Pt = 72; // per inch
    private const string Family = "DejaVu Sans";
    private static readonly XColor Ink = XColor.FromArgb(0x22, 0x22, 0x22);
    private static readonly XColor Marking = XColor.FromArgb(0xA0, 0x00, 0x00);
    private static readonly Lock FontLock = new();

    public static byte[] Write(BriefingPack pack)
    {
        DejaVuFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = pack.Slides.Count > 0 ? pack.Slides[0].Title : "BurdenShift briefing";
        document.Info.Subject = pack.Footer;
        document.Info.Creator = "BurdenShift";

        foreach (var slide in pack.Slides)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(13.333 * Pt);
            page.Height = XUnit.FromPoint(7.5 * Pt);
            using var gfx = XGraphics.FromPdfPage(page);
            var top = 0.35;
            var bottom = 7.3;
            if (pack.Banner is { } banner)
            {
                var font = new XFont(Family, 12, XFontStyleEx.Bold);
                gfx.DrawString(banner, font, new XSolidBrush(Marking), Rect(0.4, 0.05, 12.53, 0.3), XStringFormats.Center);
                gfx.DrawString(banner, font, new XSolidBrush(Marking), Rect(0.4, 7.13, 12.53, 0.3), XStringFormats.Center);
                top = 0.4;
                bottom = 7.1;
            }

            Write(gfx, slide.Title, 24, true, Ink, 0.4, top, 12.53, top + 0.6);
            Write(gfx, slide.Subtitle, 12, false, Ink, 0.4, top + 0.62, 12.53, 1.5);

            using (var png = new MemoryStream(slide.ChartPng))
            using (var image = XImage.FromStream(png))
            {
                gfx.DrawImage(image, Rect(0.4, 1.55, 8.2, 4.61));
            }

            var y = Block(gfx, "Key figures", slide.Figures, 1.55, bottom);
            if (slide.Milestones.Count > 0)
            {
                Block(gfx, "Milestones", slide.Milestones, y + 0.1, bottom);
            }

            y = Write(gfx, pack.Footer, 9, false, Ink, 0.4, 6.2, 8.2, bottom);
            if (pack.Illustrative)
            {
                y = Write(gfx, PackText.IllustrativeMark, 10, true, Marking, 0.4, y + 0.02, 8.2, bottom);
            }

            // The slide's speaker notes: sources and caveats, as many lines as fit above the bottom banner.
            Write(gfx, string.Join("  ", slide.Notes.Split('\n')), 7, false, Ink, 0.4, y + 0.04, 12.53, bottom);
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static double Block(XGraphics gfx, string heading, IReadOnlyList<string> lines, double y, double bottom)
    {
        y = Write(gfx, heading, 14, true, Ink, 8.8, y, 4.15, bottom) + 0.04;
        foreach (var line in lines)
        {
            y = Write(gfx, "• " + line, 11, false, Ink, 8.8, y, 4.15, bottom) + 0.08;
        }

        return y;
    }

    /// <summary>Draws text wrapped to <paramref name="width"/> inches, no lower than <paramref name="bottom"/>; returns the y below it.</summary>
    private static double Write(XGraphics gfx, string value, double size, bool bold, XColor colour, double x, double y, double width, double bottom)
    {
        var font = new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        var brush = new XSolidBrush(colour);
        var lineHeight = size * 1.25 / Pt;
        var line = "";
        foreach (var word in value.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width * Pt)
            {
                if (y + (2 * lineHeight) > bottom)
                {
                    // No room for another line: end this one with an ellipsis rather than run into the banner.
                    gfx.DrawString(line + " …", font, brush, Rect(x, y, width, lineHeight), XStringFormats.TopLeft);
                    return y + lineHeight;
                }

                gfx.DrawString(line, font, brush, Rect(x, y, width, lineHeight), XStringFormats.TopLeft);
                y += lineHeight;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        gfx.DrawString(line, font, brush, Rect(x, y, width, lineHeight), XStringFormats.TopLeft);
        return y + lineHeight;
    }

    private static XRect Rect(double x, double y, double w, double h) => new(x * Pt, y * Pt, w * Pt, h * Pt);

    /// <summary>PDFsharp on Linux finds no system font by itself: DejaVu Sans comes from fonts-dejavu-core.</summary>
    internal sealed class DejaVuFontResolver : IFontResolver
    {
        private const string Directory = "/usr/share/fonts/truetype/dejavu/";

        public static void Install()
        {
            lock (FontLock)
            {
                if (GlobalFontSettings.FontResolver is not DejaVuFontResolver)
                {
                    GlobalFontSettings.FontResolver = new DejaVuFontResolver();
                }
            }
        }

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[] GetFont(string faceName)
        {
            var path = Path.Combine(Directory, faceName + ".ttf");
            return File.Exists(path)
                ? File.ReadAllBytes(path)
                : throw new FileNotFoundException($"The PDF export needs the DejaVu fonts: install fonts-dejavu-core ({path} is missing).", path);
        }
    }
}
