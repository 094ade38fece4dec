namespace BurdenShift.Web.Live;

/// <summary>The answer of <c>GET /live/version</c>: the data version and what changed last.</summary>
public sealed record LiveVersion(string Version, string? Summary);
