namespace BurdenShift.IntegrationTests;

/// <summary>
/// The app as an operator runs it behind a balancer and a Prometheus server: the built app as a
/// process on real sockets, its metrics scraped over HTTP, proxy headers sent as nginx sends them.
/// </summary>
public sealed class OperationsTests : IDisposable
{
    private const string ChartPath = "/api/export/chart/index.svg";
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"burdenshift-ops-{Guid.NewGuid():N}.db");
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task Prometheus_metrics_answer_on_the_management_port_only_and_logs_carry_the_trace_id()
    {
        var metricsPort = ServiceProcess.FreePort();
        await using var app = ServiceProcess.Start(Settings(new()
        {
            ["Observability__MetricsPort"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging__Format"] = "json",
        }));
        await app.WaitReadyAsync();

        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(app.BaseUrl + "/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(app.BaseUrl + ChartPath)).StatusCode);
        // The export is counted when its middleware returns, which can be just after the client has
        // the whole file; the scrape may also be served from the exporter's cache (300 ms). So read
        // the scrape until the count is in it, for at most 10 s.
        HttpResponseMessage metrics;
        string text;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            metrics = await _http.GetAsync($"http://127.0.0.1:{metricsPort}/metrics");
            text = await metrics.Content.ReadAsStringAsync();
        }
        while (!text.Contains("burdenshift_exports_total{", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Pause());
        var onPublicPort = await _http.GetAsync(app.BaseUrl + "/metrics");
        var appOnManagementPort = await _http.GetAsync($"http://127.0.0.1:{metricsPort}/");

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("http_server_request_duration_seconds_bucket", text);
        Assert.Contains("burdenshift_exports_total{", text);
        Assert.Contains("kind=\"chart\"", text);
        Assert.Contains("burdenshift_export_duration_seconds_bucket", text);
        Assert.Contains("dotnet_gc_", text);
        Assert.Equal(HttpStatusCode.NotFound, onPublicPort.StatusCode);
        Assert.DoesNotContain("http_server_request_duration_seconds", await onPublicPort.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, appOnManagementPort.StatusCode);
        // The request log event (compact JSON) carries the request's trace id.
        await app.WaitForLineAsync(ChartPath);
        Assert.Contains(app.Lines, l => l.Contains(ChartPath, StringComparison.Ordinal) && l.Contains("\"@tr\":\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Forwarded_headers_are_believed_from_a_configured_proxy_only(bool proxyConfigured)
    {
        var settings = new Dictionary<string, string> { ["Exports__ChartsPerMinute"] = "1" };
        if (proxyConfigured)
        {
            settings["ForwardedHeaders__KnownProxies"] = "127.0.0.1";
        }

        await using var app = ServiceProcess.Start(Settings(settings));
        await app.WaitReadyAsync();

        var first = await SendAsync(app, ChartPath, client: "203.0.113.7");
        var again = await SendAsync(app, ChartPath, client: "203.0.113.7");
        var otherClient = await SendAsync(app, ChartPath, client: "203.0.113.8");
        var overTls = await SendAsync(app, "/", client: "203.0.113.9", proto: "https");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        // Behind a trusted proxy each client has its own limit; otherwise everyone is the proxy.
        Assert.Equal(proxyConfigured ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, otherClient.StatusCode);
        Assert.Equal(proxyConfigured, overTls.Headers.Contains("Strict-Transport-Security"));
    }

    private async Task<HttpResponseMessage> SendAsync(ServiceProcess app, string path, string client, string proto = "http")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, app.BaseUrl + path);
        request.Headers.Host = "burdenshift.example";
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", proto);
        return await _http.SendAsync(request);
    }

    private Dictionary<string, string> Settings(Dictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__BurdenShift"] = $"Data Source={_databaseFile}",
            ["Seed__Dataset"] = "public-record",
        };
        foreach (var (k, v) in extra)
        {
            settings[k] = v;
        }

        return settings;
    }

    public void Dispose()
    {
        _http.Dispose();
        foreach (var f in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm", _databaseFile + ".migrate-lock" })
        {
            File.Delete(f);
        }
    }

    // One scrape interval of the exporter's cache, between readings of an answer that is not in yet.
    private static async Task<bool> Pause()
    {
        await Task.Delay(350);
        return true;
    }
}
