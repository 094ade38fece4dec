namespace BurdenShift.Core.Domain;

/// <summary>
/// Where an area's shares come from (docs/methodology.md, "Shares derived from counts"): its
/// share assessments, or the count pairs they are derived from. Only the basis feeds the engine
/// and the index; pages show the other beside it.
/// </summary>
public enum ShareBasisKind
{
    Assessed = 1,
    Derived = 2,
}
