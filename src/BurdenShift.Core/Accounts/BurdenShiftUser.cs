using Microsoft.AspNetCore.Identity;

namespace BurdenShift.Core.Accounts;

/// <summary>A person who signs in. A disabled user keeps their history but may no longer sign in or write.</summary>
public class BurdenShiftUser : IdentityUser
{
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
