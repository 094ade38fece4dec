using BurdenShift.Core.Domain.Engine;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// Count pairs and an area's share basis are edited like every other row: checked before anything
/// is written, audited, refused when stale, deleted softly and restored by a revert, on both providers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CountPairEditingTests(PostgresServer postgres)
{
    private static readonly ClaimsPrincipal Alice = EditScene.User("alice@example.org", Roles.Editor);
    private static readonly ClaimsPrincipal Bob = EditScene.User("bob@example.org", Roles.Admin);

    private static Dictionary<string, string?> Pair(string label = "Tanker aircraft", string europe = "tankers-europe", string us = "tankers-us", string weight = "1") => new()
    {
        [FormFields.Label] = label,
        [FormFields.EuropeIndicator] = europe,
        [FormFields.UsIndicator] = us,
        [FormFields.Weight] = weight,
        [FormFields.Note] = "US fleet is global.",
    };

    private static string Errors(SaveResult r) => string.Join("; ", r.Errors.Select(e => $"{e.Key}: {e.Value}"));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_editor_pairs_counts_switches_the_basis_with_a_reason_and_both_are_audited_and_revertible(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider, "public-record");

        // Cyber has no figure; pairing the tanker counts (an editor's choice, for the test) and switching the basis gives it one.
        var pairId = await scene.AddAsync(FigureKind.Pair, "cyber", Pair(), Alice);
        var cyber = await scene.AreaPageAsync("cyber");
        Assert.Equal(ShareBasisKind.Assessed, cyber.ShareBasis);
        Assert.Null(cyber.Latest);
        Assert.Equal(Math.Round(6000m / 665m, 12), Assert.Single(cyber.Derivation).Share);

        var areaId = (await scene.Dashboard.GetAreaAsync("cyber", EditScene.AsOf))!.Id;
        var form = await scene.LoadAsync(FigureKind.Area, areaId);
        Assert.Equal("assessed", form.Values[FormFields.Basis]);
        var noReason = await scene.Editor.SaveAsync(EditScene.Edit(form, "", (FormFields.Basis, "derived")), Alice);
        Assert.Contains(FormFields.Reason, noReason.Errors.Keys);
        var save = await scene.Editor.SaveAsync(EditScene.Edit(form, "counts are all there is", (FormFields.Basis, "derived")), Alice);
        Assert.True(save.Succeeded, Errors(save));

        cyber = await scene.AreaPageAsync("cyber");
        Assert.Equal(ShareBasisKind.Derived, cyber.ShareBasis);
        Assert.Equal(Math.Round(6000m / 665m, 12), cyber.Latest!.EuropeShare);
        Assert.All(cyber.Targets, t => Assert.NotEqual(TargetStatus.NoData, t.Status));
        Assert.Contains("cyber", (await scene.Dashboard.GetIndexAsync(EditScene.AsOf))[0].AreasIncluded);

        var pairAudit = Assert.Single(await scene.AuditOfAsync(FigureKind.Pair, pairId));
        Assert.Equal(("insert", "alice@example.org", "cyber"), (pairAudit.Action, pairAudit.By, pairAudit.AreaKey));
        var basisChange = (await scene.AuditOfAsync(FigureKind.Area, areaId)).Last();
        Assert.Equal(("update", "counts are all there is"), (basisChange.Action, basisChange.Reason));

        // Reverting the basis change puts the area back on its (empty) assessments.
        var revert = await scene.Editor.RevertAsync(basisChange.Id, "not comparable after all", Bob);
        Assert.True(revert.Succeeded, Errors(revert));
        cyber = await scene.AreaPageAsync("cyber");
        Assert.Equal(ShareBasisKind.Assessed, cyber.ShareBasis);
        Assert.Null(cyber.Latest);

        // A pair edited by two people at once: the second save is refused and shows the first.
        var pairA = await scene.LoadAsync(FigureKind.Pair, pairId);
        var pairB = await scene.LoadAsync(FigureKind.Pair, pairId);
        Assert.Equal("tankers-europe", pairA.Values[FormFields.EuropeIndicator]);
        Assert.True((await scene.Editor.SaveAsync(EditScene.Edit(pairA, "double it", (FormFields.Weight, "2")), Alice)).Succeeded);
        var stale = await scene.Editor.SaveAsync(EditScene.Edit(pairB, "halve it", (FormFields.Weight, "0.5")), Bob);
        Assert.Equal("2", Assert.IsType<EditConflict>(stale.Conflict).Stored.Values[FormFields.Weight]);

        // Deleted, the pair gives nothing; a revert of the deletion brings it back.
        var current = await scene.LoadAsync(FigureKind.Pair, pairId);
        var delete = await scene.Editor.DeleteAsync(FigureKind.Pair, pairId, current.Token, "wrong area", Alice);
        Assert.True(delete.Succeeded, Errors(delete));
        Assert.Empty((await scene.AreaPageAsync("cyber")).Derivation);
        var deletion = (await scene.AuditOfAsync(FigureKind.Pair, pairId)).Last();
        Assert.True((await scene.Editor.RevertAsync(deletion.Id, "it was the right area", Bob)).Succeeded);
        Assert.Equal(2m, Assert.Single((await scene.AreaPageAsync("cyber")).Derivation).Weight);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_pair_that_cannot_be_one_is_refused_field_by_field_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var scene = await EditScene.CreateAsync(postgres, provider, "public-record");
        var before = await scene.FingerprintAsync();

        (Dictionary<string, string?> Values, string Field)[] refused =
        [
            (Pair(us: "military-satellites-us"), FormFields.UsIndicator), // aircraft against satellites
            (Pair(us: "tankers-europe"), FormFields.UsIndicator), // one indicator on both sides
            (Pair(europe: "no-such-indicator"), FormFields.EuropeIndicator),
            (Pair(weight: "0"), FormFields.Weight),
            (Pair(weight: "-1"), FormFields.Weight),
            (Pair(label: ""), FormFields.Label),
            (Pair(label: "Tanker aircraft"), FormFields.Label), // enablers already has this pair
        ];
        foreach (var (values, field) in refused)
        {
            var result = await scene.Editor.SaveAsync(new FigureSave(FigureKind.Pair, null, null, "enablers", values, null), Alice);
            Assert.False(result.Succeeded);
            Assert.True(result.Errors.ContainsKey(field), $"{field} not named: {Errors(result)}");
        }

        var wrongBasis = await scene.LoadAsync(FigureKind.Area, (await scene.Dashboard.GetAreaAsync("isr", EditScene.AsOf))!.Id);
        var basis = await scene.Editor.SaveAsync(EditScene.Edit(wrongBasis, "try", (FormFields.Basis, "guessed")), Alice);
        Assert.Contains(FormFields.Basis, basis.Errors.Keys);
        Assert.Equal(before, await scene.FingerprintAsync());
    }
}
