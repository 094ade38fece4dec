namespace BurdenShift.Web.Charts;

/// <summary>The marker shapes of <see cref="ChartStyle"/>, in style order.</summary>
public enum MarkerKind
{
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
    Cross,
}
