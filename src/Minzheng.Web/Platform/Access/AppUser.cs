using Microsoft.AspNetCore.Identity;

namespace Minzheng.Web.Platform.Access;

public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";

    /// <summary>The root of the user's scope: a 12-digit division code.</summary>
    public string DivisionCode { get; set; } = "";

    /// <summary>Set when an administrator resets the password: the user must choose a new one at next sign-in.</summary>
    /// <summary>
    /// For organisation accounts (a care home, a provider, a social organisation): the registry organisation the account
    /// acts for. Such an account sees that organisation's records only, whatever <see cref="DivisionCode"/> says.
    /// </summary>
    public Guid? OrganizationId { get; set; }

    public bool MustChangePassword { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>For citizen accounts: the registry person who signed up (their own applications only).</summary>
    public Guid? PersonId { get; set; }

    public DateTime CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Guid.CreateVersion7();

    public AppRole(string name, string displayName) : this()
    {
        Name = name;
        DisplayName = displayName;
    }

    public string DisplayName { get; set; } = "";
}
