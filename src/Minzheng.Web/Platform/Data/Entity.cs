namespace Minzheng.Web.Platform.Data;

/// <summary>An aggregate that may be edited by two clerks at once: a stale write must fail with 409.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// A record that belongs to a division. The division scope query filter in <see cref="AppDbContext"/>
/// hides every row outside the current user's subtree, so modules cannot forget it.
/// </summary>
public interface IDivisionScoped
{
    string DivisionCode { get; }
}

/// <summary>
/// A record that belongs to an organisation (a care home's residents, a provider's settlements). An account bound to an
/// organisation sees only records whose <see cref="OrganizationId"/> is its organisation, and no division-scoped record
/// without one; division users keep seeing such records by their division. Enforced in <see cref="AppDbContext"/>.
/// </summary>
public interface IOrganizationScoped
{
    Guid? OrganizationId { get; }
}

/// <summary>
/// A record that belongs to no one organisation but is shared with those it is a member of (a volunteer who serves with a
/// social organisation and a village committee): beside its own division scope it is visible wherever one of its
/// memberships is (the membership's division within the user's subtree, or the membership's organisation the account's
/// own). Enforced in <see cref="AppDbContext"/>'s one scope filter; writes stay division-scoped, so a use case that lets an
/// organisation write such a record names it with <see cref="AppDbContext.PermitOutOfScopeWrite"/> after checking the membership.
/// </summary>
public interface IMembershipScoped<TMembership> where TMembership : class, IDivisionScoped, IOrganizationScoped
{
    ICollection<TMembership> Memberships { get; }
}

/// <summary>Creation and change stamps, filled by <see cref="AppDbContext"/> on save.</summary>
public interface IStamped
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}
