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

/// <summary>Creation and change stamps, filled by <see cref="AppDbContext"/> on save.</summary>
public interface IStamped
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}
