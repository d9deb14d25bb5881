using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Registry;

/// <summary>与户主关系 (relation to the head of household), after GB/T 4761 家庭关系代码 groups.</summary>
public enum Relation
{
    Head = 1,
    Spouse = 2,
    Son = 3,
    Daughter = 4,
    Father = 5,
    Mother = 6,
    Grandson = 7,
    Granddaughter = 8,
    DaughterInLaw = 9,
    SonInLaw = 10,
    Grandfather = 11,
    Grandmother = 12,
    Sibling = 13,
    Other = 99,
}

/// <summary>
/// A household (户) of the registry: number, division, address, head, and members with their relation to
/// the head. Membership is kept as history: a person is in at most one household at a time.
/// </summary>
public sealed class Household : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>户编号: the 12-digit division code followed by a 4-digit sequence within it.</summary>
    public required string Number { get; set; }

    public required string DivisionCode { get; set; }
    public string Address { get; set; } = "";
    public Guid? HeadPersonId { get; set; }
    public Person? HeadPerson { get; set; }

    public List<HouseholdMember> Members { get; set; } = [];

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IEnumerable<HouseholdMember> CurrentMembers => Members.Where(m => m.LeftOn is null);
}

public sealed class HouseholdMember
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HouseholdId { get; set; }
    public Household? Household { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Relation Relation { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string? LeftReason { get; set; }
}
