using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
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
            var text = new XTextFormatter(gfx);
            var top = 0.35;
            if (pack.Banner is { } banner)
            {
                var font = new XFont(Family, 12, XFontStyleEx.Bold);
                gfx.DrawString(banner, font, new XSolidBrush(Marking), Rect(0.4, 0.05, 12.53, 0.3), XStringFormats.Center);
                gfx.DrawString(banner, font, new XSolidBrush(Marking), Rect(0.4, 7.13, 12.53, 0.3), XStringFormats.Center);
                top = 0.4;
            }

            Write(text, slide.Title, 24, true, Ink, Rect(0.4, top, 12.53, 0.6));
            Write(text, slide.Subtitle, 12, false, Ink, Rect(0.4, top + 0.62, 12.53, 0.45));

            using (var png = new MemoryStream(slide.ChartPng))
            using (var image = XImage.FromStream(png))
            {
                gfx.DrawImage(image, Rect(0.4, 1.55, 8.0, 4.5));
            }

            var y = 1.55;
            y = Block(text, "Key figures", slide.Figures, y);
            if (slide.Milestones.Count > 0)
            {
                Block(text, "Milestones", slide.Milestones, y + 0.1);
            }

            Write(text, pack.Footer, 9, false, Ink, Rect(0.4, 6.1, 8.0, 0.2));
            var notesTop = 6.3;
            if (pack.Illustrative)
            {
                Write(text, PackText.IllustrativeMark, 10, true, Marking, Rect(0.4, 6.28, 8.0, 0.2));
                notesTop = 6.48;
            }

            // The slide's speaker notes, as many lines as fit above the bottom banner.
            var notes = string.Join("  ", slide.Notes.Split('\n'));
            Write(text, notes, 7, false, Ink, Rect(0.4, notesTop, 12.53, 7.1 - notesTop));
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static double Block(XTextFormatter text, string heading, IReadOnlyList<string> lines, double y)
    {
        Write(text, heading, 14, true, Ink, Rect(8.6, y, 4.35, 0.3));
        y += 0.32;
        foreach (var line in lines)
        {
            var height = Lines(line, 46) * 0.19;
            Write(text, "• " + line, 11, false, Ink, Rect(8.6, y, 4.35, height));
            y += height + 0.08;
        }

        return y;
    }

    // A rough count of wrapped lines, enough to stack the bullet boxes without overlap.
    private static int Lines(string text, int perLine) => Math.Max(1, (int)Math.Ceiling(text.Length / (double)perLine));

    private static void Write(XTextFormatter text, string value, double size, bool bold, XColor colour, XRect rect) =>
        text.DrawString(value, new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular), new XSolidBrush(colour), rect, XStringFormats.TopLeft);

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
