namespace BurdenShift.IntegrationTests.Infrastructure;

/// <summary>A clock that says the same instant every time, so two runs write identical entry times.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedTime Default = new(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
