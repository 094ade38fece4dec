using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// The page half of the authorization matrix: who reaches which page over plain HTTP, whatever the
/// navigation shows. (The write half, every write method by every role, is in AuthorizationMatrixTests.)
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PageAuthorizationTests(PostgresServer postgres)
{
    public enum Caller
    {
        Anonymous,
        Viewer,
        Editor,
        Admin,
    }

    private enum Needs
    {
        SignedIn,
        Editor,
        Admin,
    }

    // Every page that writes or shows editors' names, with what it needs and a marker of its content.
    private static readonly (string Path, Needs Needs, string Marker)[] Pages =
    [
        ("/import", Needs.Editor, "data-testid=\"import-file\""),
        ("/new/area", Needs.Editor, "data-testid=\"figure-form\""),
        ("/new/milestone?parent=drones", Needs.Editor, "data-testid=\"figure-form\""),
        ("/new/target?parent=drones", Needs.Editor, "data-testid=\"figure-form\""),
        ("/edit/assessment/{id}", Needs.Editor, "data-testid=\"figure-form\""),
        ("/areas/drones/targets/2027/edit", Needs.Editor, "data-testid=\"figure-form\""),
        ("/admin/users", Needs.Admin, "data-testid=\"new-email\""),
        ("/review", Needs.Editor, "id=\"pending-heading\""),
        ("/review/preview", Needs.Editor, "data-testid=\"preview-banner\""),
        ("/history/assessment/{id}", Needs.SignedIn, "data-testid=\"history\""),
        ("/areas/drones/history", Needs.SignedIn, "data-testid=\"history\""),
    ];

    public static TheoryData<DatabaseProvider, Caller> Callers()
    {
        var data = new TheoryData<DatabaseProvider, Caller>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                data.Add(provider, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Each_caller_reaches_exactly_the_pages_of_their_role(DatabaseProvider provider, Caller caller)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database, "none");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var id = await StoredAssessmentAsync(app);
        if (caller != Caller.Anonymous)
        {
            client.DefaultRequestHeaders.Add("Cookie", $"BurdenShift.Auth={await CookieForAsync(app, caller)}");
        }

        foreach (var (template, needs, marker) in Pages)
        {
            var path = template.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var response = await client.GetAsync(path);
            var allowed = caller switch
            {
                Caller.Anonymous => false,
                Caller.Viewer => needs == Needs.SignedIn,
                Caller.Editor => needs != Needs.Admin,
                _ => true,
            };
            if (allowed)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{caller} could not open {path}: {(int)response.StatusCode}");
                Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            else
            {
                // Sent to sign in (anonymous) or to "access denied" (a role too low), never shown the page.
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{caller} was not turned away from {path}: {(int)response.StatusCode}");
                var to = response.Headers.Location!.OriginalString;
                Assert.Contains(caller == Caller.Anonymous ? "/account/signin" : "/account/denied", to, StringComparison.Ordinal);
            }
        }

        // The area page shows edit links to editors and admins only.
        var area = await (await client.GetAsync("/areas/drones")).Content.ReadAsStringAsync();
        Assert.Equal(caller is Caller.Editor or Caller.Admin, area.Contains($"data-testid=\"edit-assessment-{id}\"", StringComparison.Ordinal));
        Assert.Equal(caller != Caller.Anonymous, area.Contains("earlier@example.org", StringComparison.Ordinal));
    }

    private static async Task<long> StoredAssessmentAsync(AppFactory app)
    {
        var editor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "earlier@example.org"), new Claim(ClaimTypes.Role, Roles.Editor)], "test"));
        var result = await app.Services.GetRequiredService<FigureEditor>().AddShareAssessmentAsync(
            new ShareAssessmentDraft("drones", new DateOnly(2026, 3, 31), 40m, 50m, Confidence.Medium, "reuters-2027", null, null, null, null), editor);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Id!.Value;
    }

    // A sign-in cookie for a new user of the role, protected the way a real sign-in protects it.
    private static async Task<string> CookieForAsync(AppFactory app, Caller caller)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<BurdenShiftUser>>();
        var user = new BurdenShiftUser { UserName = $"{caller}@example.org".ToLowerInvariant(), Email = $"{caller}@example.org".ToLowerInvariant() };
        Assert.True((await signIn.UserManager.CreateAsync(user, "a long enough passphrase")).Succeeded);
        Assert.True((await signIn.UserManager.AddToRoleAsync(user, caller.ToString())).Succeeded);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Protect(new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));
    }
}
