using System.Diagnostics;

namespace BurdenShift.IntegrationTests.Infrastructure;

/// <summary>Runs the built app (BurdenShift.Web.dll) as an operator or a script would, and captures what it prints.</summary>
public static class AppProcess
{
    public sealed record Outcome(int ExitCode, List<string> Stdout, List<string> Stderr)
    {
        public IEnumerable<string> AllLines => Stdout.Concat(Stderr);
    }

    public static async Task<Outcome> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string? workDir = null, string? stdin = null)
    {
        var ownDir = workDir is null;
        workDir ??= Directory.CreateTempSubdirectory("burdenshift-run-").FullName;
        try
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workDir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BurdenShift.Web.dll"));
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }

            using var process = Process.Start(psi)!;
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet BurdenShift.Web.dll {string.Join(' ', args)} did not finish in 90 s.");
            }

            return new Outcome(process.ExitCode, Lines(await stdout), Lines(await stderr));
        }
        finally
        {
            if (ownDir)
            {
                Directory.Delete(workDir, recursive: true);
            }
        }
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
}
