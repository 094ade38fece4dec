namespace BurdenShift.Web.Cli;

/// <summary>
/// The command-line verbs (<c>import</c>, <c>users</c>, ...) and their exit codes: 0 done,
/// 1 input refused (nothing written), 2 usage or configuration error (including an unknown
/// verb), 3 the database could not be reached or the command failed unexpectedly (nothing
/// written; the message says why). No verb, and the arguments configure the web app.
/// </summary>
public static class CliVerbs
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int UsageError = 2;
    public const int Failed = 3;

    /// <summary>A verb: its word, its usage line, and what runs it with the arguments after the word.</summary>
    private sealed record Verb(string Word, string Usage, Func<string[], TextReader, TextWriter, TextWriter, Task<int>> RunAsync);

    // Adding a verb is one line here.
    private static readonly Verb[] Verbs =
    [
        new("import", ImportCommand.Usage, (args, _, stdout, stderr) => ImportCommand.RunAsync(args, stdout, stderr)),
        new("users", UsersCommand.Usage, UsersCommand.RunAsync),
        new("review", ReviewCommand.Usage, (args, _, stdout, stderr) => ReviewCommand.RunAsync(args, stdout, stderr)),
        new("migrate", MigrateCommand.Usage, (args, _, stdout, stderr) => MigrateCommand.RunAsync(args, stdout, stderr)),
        new("backup", BackupCommand.BackupUsage, (args, _, stdout, stderr) => BackupCommand.RunAsync("backup", args, stdout, stderr)),
        new("restore", BackupCommand.RestoreUsage, (args, _, stdout, stderr) => BackupCommand.RunAsync("restore", args, stdout, stderr)),
    ];

    public static string Usage =>
        "usage: BurdenShift.Web [--Setting:Name value ...]   (runs the web app)\n" + string.Join('\n', Verbs.Select(v => "       " + v.Usage["usage: ".Length..]));

    /// <summary>
    /// Runs the verb the arguments start with and returns its exit code, or null when they name
    /// none (no argument, or the first one is a setting: <c>--Key value</c> or <c>Key=value</c>),
    /// in which case the caller starts the web app.
    /// </summary>
    public static async Task<int?> TryRunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        var verb = Verbs.FirstOrDefault(v => v.Word == args[0]);
        if (verb is null)
        {
            // Before, an unknown word started the web server, which a script would wait on for ever.
            await stderr.WriteLineAsync($"'{Core.Inputs.InputRules.Shown(args[0])}' is not a command.");
            await stderr.WriteLineAsync(Usage);
            return UsageError;
        }

        try
        {
            return await verb.RunAsync(args[1..], stdin, stdout, stderr);
        }
        catch (StartupConfigurationException ex)
        {
            await stderr.WriteLineAsync($"{verb.Word}: {ex.Message}");
            return UsageError;
        }
        catch (Exception ex) when (DatabaseFaults.IsUnreachable(ex))
        {
            await stderr.WriteLineAsync($"{verb.Word}: the database cannot be reached ({ex.GetBaseException().Message}); nothing was written. Try again when it is back.");
            return Failed;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never an unhandled exception (exit 134): one line, and the details for a bug report.
            await stderr.WriteLineAsync($"{verb.Word}: failed unexpectedly ({ex.GetType().Name}: {ex.Message}); nothing was written.");
            await stderr.WriteLineAsync(ex.ToString());
            return Failed;
        }
    }
}
