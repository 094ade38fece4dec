using System.Security.Claims;

namespace BurdenShift.Web.Cli;

/// <summary>
/// <c>review list</c>, <c>review publish ID --by EMAIL</c>, <c>review reject ID --by EMAIL --reason TEXT</c>:
/// the review queue for scripts (ADR 0021). The publisher or rejecter is a user of the app with
/// the Editor or Admin role who did not propose the draft, checked exactly as on the Review page.
/// Exit codes: 0 done, 1 refused (an unknown draft or user, a decided draft, the author, no
/// reason; nothing changed), 2 usage or configuration error.
/// </summary>
internal static class ReviewCommand
{
    public const string Usage = "usage: BurdenShift.Web review list | publish ID --by EMAIL | reject ID --by EMAIL --reason TEXT [--Setting:Name value ...]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var action = args.FirstOrDefault();
        long? id = null;
        if (action is "publish" or "reject" && args.Length > 1 && !args[1].StartsWith('-'))
        {
            if (!long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                await stderr.WriteLineAsync($"review: '{Core.Inputs.InputRules.Shown(args[1])}' is not a draft number; nothing was changed.");
                return CliVerbs.Refused;
            }

            id = parsed;
        }

        var (options, rest) = CliOptions.Read(args, id is null ? 1 : 2, "--by", "--reason");
        var by = options.GetValueOrDefault("--by");
        var reason = options.GetValueOrDefault("--reason");
        if (action is not ("list" or "publish" or "reject") || (action != "list" && (id is null || string.IsNullOrWhiteSpace(by))))
        {
            await stderr.WriteLineAsync(Usage);
            return CliVerbs.UsageError;
        }

        try
        {
            await using var app = await CliHost.StartAsync(rest);
            var queue = app.Services.GetRequiredService<ReviewQueue>();
            if (action == "list")
            {
                return await ListAsync(queue, stdout);
            }

            await using var scope = app.Services.CreateAsyncScope();
            if (await UserAsync(scope.ServiceProvider.GetRequiredService<UserManager<BurdenShiftUser>>(), by!) is not { } user)
            {
                await stderr.WriteLineAsync($"review: there is no enabled user {Core.Inputs.InputRules.Shown(by!)}; nothing was changed.");
                return CliVerbs.Refused;
            }

            var result = action == "publish" ? await queue.PublishAsync(id!.Value, user) : await queue.RejectAsync(id!.Value, reason, user);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Errors.Values)
                {
                    await stderr.WriteLineAsync($"review: {problem}");
                }

                if (result.Conflict is { } conflict)
                {
                    await stderr.WriteLineAsync($"review: stored now (by {conflict.ChangedBy}): {string.Join(", ", conflict.Stored.Values.Select(v => $"{v.Key}={v.Value}"))}");
                }

                return CliVerbs.Refused;
            }

            await stdout.WriteLineAsync(action == "publish" ? $"review: draft #{id} published." : $"review: draft #{id} rejected; nothing was published.");
            return CliVerbs.Done;
        }
        catch (StartupConfigurationException ex)
        {
            await stderr.WriteLineAsync($"review: {ex.Message}");
            return CliVerbs.UsageError;
        }
    }

    private static async Task<int> ListAsync(ReviewQueue queue, TextWriter stdout)
    {
        var pending = await queue.GetPendingAsync(max: 1000);
        if (pending.Count == 0)
        {
            await stdout.WriteLineAsync("review: no draft is pending.");
        }

        foreach (var d in pending)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"#{d.Id}\t{d.ProposedAt:yyyy-MM-dd HH:mm}Z\t{d.Author}\t{d.Action}\t{d.RowCount} row(s)\t{d.Description}\t{d.Reason}"));
        }

        return CliVerbs.Done;
    }

    // The user as the app would sign them in: their name and roles; a disabled user is no one.
    private static async Task<ClaimsPrincipal?> UserAsync(UserManager<BurdenShiftUser> users, string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDisabled)
        {
            return null;
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, user.UserName ?? email.Trim()) };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "cli"));
    }
}
