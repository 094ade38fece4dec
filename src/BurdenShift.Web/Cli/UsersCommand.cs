namespace BurdenShift.Web.Cli;

/// <summary>
/// <c>users add --email E --role R</c>: adds a user for scripts, the password read from standard
/// input (never from the command line, where it would land in shell history and process lists).
/// Exit code 0 when added, 1 when refused (e.g. a short password), 2 for a usage error.
/// </summary>
internal static class UsersCommand
{
    public const string Usage = "usage: BurdenShift.Web users add --email EMAIL --role Viewer|Editor|Admin  (password on standard input)";

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var (options, rest) = CliOptions.Read(args, 1, "--email", "--role");
        var email = options.GetValueOrDefault("--email");
        var role = options.GetValueOrDefault("--role");
        role = Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (args.FirstOrDefault() != "add" || string.IsNullOrWhiteSpace(email) || role is null)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var password = await stdin.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await stderr.WriteLineAsync("users: no password on standard input (e.g. printf '%s\\n' \"$PASSWORD\" | ... users add ...).");
            return 2;
        }

        try
        {
            await using var app = await CliHost.StartAsync(rest);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await AccountBootstrap.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());

            var result = await AccountBootstrap.CreateAsync(services.GetRequiredService<UserManager<BurdenShiftUser>>(), email.Trim(), password, role,
                services.GetRequiredService<TimeProvider>());
            if (!result.Succeeded)
            {
                await stderr.WriteLineAsync($"users: {email} was not added: {AccountBootstrap.Describe(result)}");
                return 1;
            }

            await stdout.WriteLineAsync($"users: added {email.Trim()} as {role}.");
            return 0;
        }
        catch (StartupConfigurationException ex)
        {
            await stderr.WriteLineAsync($"users: {ex.Message}");
            return 2;
        }
    }
}
