using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace BurdenShift.IntegrationTests.Inputs;

/// <summary>Sign-out and sign-in (defects 5 and 6), and what a failed request answers: problem details, 503 while the database is away.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class AccountAndErrorDefectTests(PostgresServer postgres)
{
    private const string AdminEmail = "admin@example.org";
    private const string Password = "correct horse battery staple";

    private static AppFactory App(TestDatabase database, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:BurdenShift"] = database.ConnectionString,
            ["Seed:Dataset"] = "none",
            [AccountBootstrap.EmailKey] = AdminEmail,
            [AccountBootstrap.PasswordKey] = Password,
        };
        foreach (var (k, v) in extra)
        {
            settings[k] = v;
        }

        return new AppFactory(settings);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static async Task<string> TokenAsync(HttpClient client, string page) =>
        TokenField().Match(await client.GetStringAsync(page)).Groups[1].Value;

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string token, string email, string password) =>
        await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));

    [Fact]
    public async Task Defect5_sign_out_needs_the_antiforgery_token_of_a_page_of_the_site()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = App(database, ("Auth:PublicRead", "false"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = await SignInAsync(client, await TokenAsync(client, "/account/signin"), AdminEmail, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas")).StatusCode);

        // A cross-site form (or any POST) without the token: refused, still signed in.
        using var forged = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        using var bare = await client.PostAsync("/account/signout", null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas")).StatusCode);
        Assert.False((await client.GetAsync("/account/signout")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas")).StatusCode);

        // The page's own Sign out button carries it.
        var token = await TokenAsync(client, "/methodology");
        using var signOut = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/areas")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_form_left_open_while_another_tab_signed_in_is_shown_again_with_the_reason_not_a_bare_400()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = App(database);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // Two tabs open the sign-in form; the first signs in, so the second's token is for an anonymous visitor.
        var first = await TokenAsync(client, "/account/signin?ReturnUrl=%2Fsources");
        var second = await TokenAsync(client, "/account/signin?ReturnUrl=%2Fsources");
        using var signedIn = await SignInAsync(client, first, AdminEmail, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var stale = await client.PostAsync("/account/signin?ReturnUrl=%2Fsources", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = second,
            ["Input.Email"] = AdminEmail,
            ["Input.Password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.SeeOther, stale.StatusCode);
        Assert.Equal("/account/signin?expired=true&ReturnUrl=%2Fsources", stale.Headers.Location?.OriginalString);
        var again = await client.GetStringAsync(stale.Headers.Location!.OriginalString);
        Assert.Contains("data-testid=\"signin-expired\"", again);
        Assert.Contains("Please sign in again", again);
        Assert.Contains("data-testid=\"signed-in-as\"", again); // the first tab's sign-in stands
    }

    [Fact]
    public async Task Defect6_unknown_email_wrong_password_and_locked_account_get_the_same_answer_after_one_hash_check_each()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        var hasher = new CountingHasher();
        await using var app = App(database).WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<BurdenShiftUser>>(hasher)));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BurdenShiftUser>>();
            Assert.True((await AccountBootstrap.CreateAsync(users, "locked@example.org", Password, Roles.Editor, TimeProvider.System)).Succeeded);
            var locked = (await users.FindByEmailAsync("locked@example.org"))!;
            await users.SetLockoutEndDateAsync(locked, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var token = await TokenAsync(client, "/account/signin");
        var answers = new List<string>();
        var checks = new List<int>();
        foreach (var (email, password) in new[] { ("nobody@example.org", Password), (AdminEmail, "wrong password here"), ("locked@example.org", Password) })
        {
            var before = hasher.Verifications;
            using var response = await SignInAsync(client, token, email, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            // The refusal is a MudAlert: its text is in the alert's message element.
            answers.Add(Regex.Match(html, "data-testid=\"signin-error\".*?class=\"mud-alert-message\">([^<]*)<", RegexOptions.Singleline).Groups[1].Value);
            checks.Add(hasher.Verifications - before);
        }

        Assert.All(answers, a => Assert.Equal(BurdenShift.Web.Security.SignInGate.Refusal, System.Net.WebUtility.HtmlDecode(a)));
        Assert.Equal([1, 1, 1], checks);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_with_problem_details_for_the_api_and_the_error_page_for_pages()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = App(database);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas")).StatusCode);
        await using (var db = database.CreateContext())
        {
            // A broken schema: every read of the figures now fails inside the app.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"ShareAssessments\"");
        }

        // Another date than the one computed above: the figures computed before are shared from
        // the cache (docs/decisions/0012), so only a new computation reaches the broken table.
        using var api = await client.GetAsync("/api/areas?asOf=2025-01-01");
        using var page = await client.GetAsync("/?asOf=2025-01-03");

        var body = await api.Content.ReadAsStringAsync();
        Assert.True(api.StatusCode == HttpStatusCode.InternalServerError, body);
        Assert.True(api.Content.Headers.ContentType?.MediaType == "application/problem+json", body[..Math.Min(3000, body.Length)]);
        Assert.Contains("\"traceId\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ShareAssessments", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("Something went wrong", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_PostgreSQL_is_down_the_api_answers_503_with_retry_after_and_pages_say_so()
    {
        // A cluster of its own, stopped under the running app.
        var server = new PostgresServer();
        await server.InitializeAsync();
        string connection;
        try
        {
            connection = await server.CreateDatabaseAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        var database = new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:BurdenShift"] = connection, ["Seed:Dataset"] = "none" };
        await using var app = new AppFactory(database);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas")).StatusCode);
        await server.DisposeAsync();

        // Dates not computed before: figures already computed are still served from the cache.
        using var api = await client.GetAsync("/api/areas?asOf=2025-01-01");
        using var export = await client.GetAsync("/api/export/data/areas.csv?asOf=2025-01-02");
        using var page = await client.GetAsync("/sources");

        foreach (var response in new[] { api, export })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Contains("Database unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("cannot be reached just now", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Identity's own hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<BurdenShiftUser>
    {
        private readonly PasswordHasher<BurdenShiftUser> _inner = new(Options.Create(new PasswordHasherOptions()));
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(BurdenShiftUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(BurdenShiftUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
