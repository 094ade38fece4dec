using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace BurdenShift.Web.Exports;

/// <summary>
/// Writes a <see cref="BriefingPack"/> as a 16:9 PowerPoint deck with the Open XML SDK: a minimal
/// theme, master and blank layout, then per slide a title, a subtitle, the chart image on the left,
/// the key figures on the right, the footer, the optional banner at top and bottom, and the sources
/// and caveats in the speaker notes.
/// </summary>
public static class PptxPackWriter
{
    private const long Emu = 914400; // per inch
    private const long SlideWidth = 12192000; // 13.333 in
    private const long SlideHeight = 6858000; // 7.5 in

    public static byte[] Write(BriefingPack pack)
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentationPart = document.AddPresentationPart();
            var master = presentationPart.AddNewPart<SlideMasterPart>("rId1");
            var theme = master.AddNewPart<ThemePart>("rId2");
            theme.Theme = Theme();
            var layout = master.AddNewPart<SlideLayoutPart>("rId1");
            layout.SlideLayout = new SlideLayout(
                new CommonSlideData(EmptyTree()) { Name = "Blank" },
                new ColorMapOverride(new A.MasterColorMapping()))
            { Type = SlideLayoutValues.Blank };
            layout.AddPart(master);
            master.SlideMaster = new SlideMaster(
                new CommonSlideData(new Background(new BackgroundStyleReference(new A.SchemeColor { Val = A.SchemeColorValues.Background1 }) { Index = 1001U }), EmptyTree()),
                MasterColorMap(),
                new SlideLayoutIdList(new SlideLayoutId { Id = 2147483649U, RelationshipId = "rId1" }),
                new TextStyles(new TitleStyle(), new BodyStyle(), new OtherStyle()));
            presentationPart.AddPart(theme, "rId2");

            var notesMaster = presentationPart.AddNewPart<NotesMasterPart>("rId3");
            notesMaster.AddPart(theme);
            notesMaster.NotesMaster = new NotesMaster(new CommonSlideData(EmptyTree()), MasterColorMap());

            var slideIds = new SlideIdList();
            var id = 256U;
            var relationship = 10;
            foreach (var content in pack.Slides)
            {
                var slidePart = presentationPart.AddNewPart<SlidePart>($"rId{relationship++}");
                slidePart.AddPart(layout);
                var image = slidePart.AddImagePart(ImagePartType.Png, "rIdChart");
                using (var png = new MemoryStream(content.ChartPng))
                {
                    image.FeedData(png);
                }

                slidePart.Slide = Slide(pack, content);
                var notes = slidePart.AddNewPart<NotesSlidePart>();
                notes.AddPart(notesMaster);
                notes.AddPart(slidePart);
                notes.NotesSlide = NotesSlide(content.Notes);
                slideIds.Append(new SlideId { Id = id++, RelationshipId = presentationPart.GetIdOfPart(slidePart) });
            }

            presentationPart.Presentation = new Presentation(
                new SlideMasterIdList(new SlideMasterId { Id = 2147483648U, RelationshipId = "rId1" }),
                new NotesMasterIdList(new NotesMasterId { Id = "rId3" }),
                slideIds,
                new SlideSize { Cx = (int)SlideWidth, Cy = (int)SlideHeight },
                new NotesSize { Cx = 6858000, Cy = 9144000 },
                new DefaultTextStyle());
        }

        return stream.ToArray();
    }

    private static P.Slide Slide(BriefingPack pack, PackSlide content)
    {
        var tree = EmptyTree();
        uint shape = 2;
        var top = 0.35;
        if (pack.Banner is { } banner)
        {
            tree.Append(TextBox(shape++, "Banner top", 0.4, 0.05, 12.53, 0.32, [new(banner, 12, Bold: true, Colour: "A00000")], centred: true));
            tree.Append(TextBox(shape++, "Banner bottom", 0.4, 7.13, 12.53, 0.32, [new(banner, 12, Bold: true, Colour: "A00000")], centred: true));
            top = 0.4;
        }

        tree.Append(TextBox(shape++, "Title", 0.4, top, 12.53, 0.6, [new(content.Title, 26, Bold: true)]));
        tree.Append(TextBox(shape++, "Subtitle", 0.4, top + 0.62, 12.53, 0.45, [new(content.Subtitle, 13)]));
        tree.Append(Picture(shape++, 0.4, 1.55, 8.2, 4.61));
        var figures = new List<Run> { new("Key figures", 15, Bold: true) };
        figures.AddRange(content.Figures.Select(f => new Run("• " + f, 12)));
        if (content.Milestones.Count > 0)
        {
            figures.Add(new Run("Milestones", 15, Bold: true));
            figures.AddRange(content.Milestones.Select(m => new Run("• " + m, 12)));
        }

        tree.Append(TextBox(shape++, "Key figures", 8.8, 1.55, 4.15, 5.45, figures));
        var footer = pack.Footer + " · sources and caveats in the speaker notes";
        tree.Append(TextBox(shape++, "Footer", 0.4, 6.22, 8.2, 0.35, [new(footer, 10, Colour: "444444")]));
        if (pack.Illustrative)
        {
            tree.Append(TextBox(shape, "Watermark", 0.4, 6.6, 8.2, 0.3, [new(PackText.IllustrativeMark, 12, Bold: true, Colour: "A00000")]));
        }

        return new P.Slide(new CommonSlideData(tree), new ColorMapOverride(new A.MasterColorMapping()));
    }

    private static NotesSlide NotesSlide(string text)
    {
        var tree = EmptyTree();
        var body = new P.Shape(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = 2U, Name = "Notes" },
                new P.NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }),
                new ApplicationNonVisualDrawingProperties(new PlaceholderShape { Type = PlaceholderValues.Body, Index = 1U })),
            new P.ShapeProperties(new A.Transform2D(new A.Offset { X = 685800, Y = 4400550 }, new A.Extents { Cx = 5486400, Cy = 3600450 })),
            new P.TextBody(new OpenXmlElement[] { new A.BodyProperties(), new A.ListStyle() }
                .Concat(text.Split('\n').Select(line => new A.Paragraph(new A.Run(new A.RunProperties { Language = "en-GB" }, new A.Text(line)))))));
        tree.Append(body);
        return new NotesSlide(new CommonSlideData(tree), new ColorMapOverride(new A.MasterColorMapping()));
    }

    private sealed record Run(string Text, int Points, bool Bold = false, string Colour = "222222");

    private static P.Shape TextBox(uint id, string name, double x, double y, double w, double h, IReadOnlyList<Run> paragraphs, bool centred = false) =>
        new(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = name },
                new P.NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }) { TextBox = true },
                new ApplicationNonVisualDrawingProperties()),
            new P.ShapeProperties(
                new A.Transform2D(new A.Offset { X = Inch(x), Y = Inch(y) }, new A.Extents { Cx = Inch(w), Cy = Inch(h) }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle },
                new A.NoFill()),
            new P.TextBody(new OpenXmlElement[]
                {
                    new A.BodyProperties(new A.NormalAutoFit()) { Wrap = A.TextWrappingValues.Square, LeftInset = 0, RightInset = 0, TopInset = 0, BottomInset = 0 },
                    new A.ListStyle(),
                }.Concat(paragraphs.Select(p => new A.Paragraph(
                    new A.ParagraphProperties(new A.SpaceBefore(new A.SpacingPoints { Val = p.Bold ? 600 : 300 })) { Alignment = centred ? A.TextAlignmentTypeValues.Center : A.TextAlignmentTypeValues.Left },
                    new A.Run(
                        new A.RunProperties(
                            new A.SolidFill(new A.RgbColorModelHex { Val = p.Colour }),
                            new A.LatinFont { Typeface = "DejaVu Sans" })
                        { Language = "en-GB", FontSize = p.Points * 100, Bold = p.Bold },
                        new A.Text(p.Text)))))));

    private static P.Picture Picture(uint id, double x, double y, double w, double h) =>
        new(
            new P.NonVisualPictureProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = "Chart", Description = "Chart: see the key figures and the speaker notes" },
                new P.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true }),
                new ApplicationNonVisualDrawingProperties()),
            new P.BlipFill(new A.Blip { Embed = "rIdChart" }, new A.Stretch(new A.FillRectangle())),
            new P.ShapeProperties(
                new A.Transform2D(new A.Offset { X = Inch(x), Y = Inch(y) }, new A.Extents { Cx = Inch(w), Cy = Inch(h) }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));

    private static long Inch(double inches) => (long)Math.Round(inches * Emu);

    private static ShapeTree EmptyTree() =>
        new(
            new P.NonVisualGroupShapeProperties(
                new P.NonVisualDrawingProperties { Id = 1U, Name = "" },
                new P.NonVisualGroupShapeDrawingProperties(),
                new ApplicationNonVisualDrawingProperties()),
            new GroupShapeProperties(new A.TransformGroup()));

    private static P.ColorMap MasterColorMap() => new()
    {
        Background1 = A.ColorSchemeIndexValues.Light1,
        Text1 = A.ColorSchemeIndexValues.Dark1,
        Background2 = A.ColorSchemeIndexValues.Light2,
        Text2 = A.ColorSchemeIndexValues.Dark2,
        Accent1 = A.ColorSchemeIndexValues.Accent1,
        Accent2 = A.ColorSchemeIndexValues.Accent2,
        Accent3 = A.ColorSchemeIndexValues.Accent3,
        Accent4 = A.ColorSchemeIndexValues.Accent4,
        Accent5 = A.ColorSchemeIndexValues.Accent5,
        Accent6 = A.ColorSchemeIndexValues.Accent6,
        Hyperlink = A.ColorSchemeIndexValues.Hyperlink,
        FollowedHyperlink = A.ColorSchemeIndexValues.FollowedHyperlink,
    };

    private static A.Theme Theme()
    {
        static A.SolidFill Fill(A.SchemeColorValues colour) => new(new A.SchemeColor { Val = colour });
        static A.Outline Line(int width) => new(Fill(A.SchemeColorValues.PhColor), new A.PresetDash { Val = A.PresetLineDashValues.Solid }) { Width = width };
        static A.EffectStyle Effect() => new(new A.EffectList());
        static OpenXmlElement[] Fonts(string face) => [new A.LatinFont { Typeface = face }, new A.EastAsianFont { Typeface = "" }, new A.ComplexScriptFont { Typeface = "" }];

        return new A.Theme(
            new A.ThemeElements(
                new A.ColorScheme(
                    new A.Dark1Color(new A.RgbColorModelHex { Val = "222222" }),
                    new A.Light1Color(new A.RgbColorModelHex { Val = "FFFFFF" }),
                    new A.Dark2Color(new A.RgbColorModelHex { Val = "1B3F8B" }),
                    new A.Light2Color(new A.RgbColorModelHex { Val = "EEEEEE" }),
                    new A.Accent1Color(new A.RgbColorModelHex { Val = "1B3F8B" }),
                    new A.Accent2Color(new A.RgbColorModelHex { Val = "D95F02" }),
                    new A.Accent3Color(new A.RgbColorModelHex { Val = "2E7D32" }),
                    new A.Accent4Color(new A.RgbColorModelHex { Val = "8E3B8F" }),
                    new A.Accent5Color(new A.RgbColorModelHex { Val = "A3123A" }),
                    new A.Accent6Color(new A.RgbColorModelHex { Val = "0B6E6E" }),
                    new A.Hyperlink(new A.RgbColorModelHex { Val = "1B3F8B" }),
                    new A.FollowedHyperlinkColor(new A.RgbColorModelHex { Val = "8E3B8F" }))
                { Name = "BurdenShift" },
                new A.FontScheme(new A.MajorFont(Fonts("DejaVu Sans")), new A.MinorFont(Fonts("DejaVu Sans"))) { Name = "BurdenShift" },
                new A.FormatScheme(
                    new A.FillStyleList(Fill(A.SchemeColorValues.PhColor), Fill(A.SchemeColorValues.PhColor), Fill(A.SchemeColorValues.PhColor)),
                    new A.LineStyleList(Line(9525), Line(19050), Line(28575)),
                    new A.EffectStyleList(Effect(), Effect(), Effect()),
                    new A.BackgroundFillStyleList(Fill(A.SchemeColorValues.PhColor), Fill(A.SchemeColorValues.PhColor), Fill(A.SchemeColorValues.PhColor)))
                { Name = "BurdenShift" }),
            new A.ObjectDefaults(),
            new A.ExtraColorSchemeList())
        { Name = "BurdenShift" };
    }
}
