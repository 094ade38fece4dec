namespace BurdenShift.Core.Review;

/// <summary>Whether changes wait for review (<c>Editing:Review</c>), for the services that write.</summary>
public sealed record ReviewPolicy(bool Required)
{
    public static readonly ReviewPolicy Off = new(false);

    public static ReviewPolicy From(BurdenShiftSettings settings) => new(settings.ReviewRequired);
}
