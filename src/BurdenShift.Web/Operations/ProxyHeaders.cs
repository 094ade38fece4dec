using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BurdenShift.Web.Operations;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto, believed only from the proxies an operator names in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR), comma-separated or as lists. Then rate limits count the real client, and behind a
/// TLS-terminating balancer requests are HTTPS: cookies are Secure and HSTS is sent. Off when
/// both are empty: anyone could otherwise claim any address.
/// </summary>
internal static class ProxyHeaders
{
    public const string ProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string NetworksKey = "ForwardedHeaders:KnownNetworks";

    /// <summary>The options, or null when no proxy is configured.</summary>
    public static ForwardedHeadersOptions? Read(IConfiguration config)
    {
        var proxies = Values(config, ProxiesKey).Select(p => IPAddress.TryParse(p, out var a)
            ? a
            : throw new StartupConfigurationException($"{ProxiesKey} holds '{p}', which is not an IP address: list the balancer's addresses, e.g. 10.0.0.5,10.0.0.6.")).ToList();
        var networks = Values(config, NetworksKey).Select(n => System.Net.IPNetwork.TryParse(n, out var net)
            ? net
            : throw new StartupConfigurationException($"{NetworksKey} holds '{n}', which is not a network in CIDR notation, e.g. 172.18.0.0/16.")).ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Walk back through every trusted hop; the first address no proxy vouches for is the client.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
            // Kestrel reports IPv4 clients on a dual-stack socket as IPv4-mapped IPv6.
            if (proxy.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            {
                options.KnownProxies.Add(proxy.MapToIPv6());
            }
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }

        return options;
    }

    private static List<string> Values(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var list = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return [.. list];
    }
}
