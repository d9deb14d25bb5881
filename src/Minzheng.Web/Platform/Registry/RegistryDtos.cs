using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Platform.Registry;

public sealed record DisabilityDto(DisabilityCategory Category, int Grade, string? CertificateMasked);

public sealed record MembershipDto(Guid HouseholdId, string HouseholdNumber, Relation Relation, DateOnly JoinedOn, DateOnly? LeftOn, string? LeftReason);

public sealed record PersonDto(
    Guid Id, string? IdNumberMasked, string? PlatformNumber, bool HasIdNumber, string Name, Sex Sex, DateOnly BirthDate, int Age,
    string Ethnicity, HukouType HukouType, string DivisionCode, string DivisionName, string Address, string? PhoneMasked,
    string? BankName, string? BankAccountMasked, DisabilityDto? Disability, LifeStatus LifeStatus, DateOnly? DeathDate, DateOnly? MissingSince, MembershipDto? Household, int Version)
{
    public static PersonDto From(Person p, DivisionDirectory divisions, DateOnly today, MembershipDto? household) => new(
        p.Id, p.IdNumberMasked, p.PlatformNumber, p.HasIdNumber, p.Name, p.Sex, p.BirthDate, p.AgeOn(today), p.Ethnicity, p.HukouType,
        p.DivisionCode, divisions.FullName(p.DivisionCode), p.Address, p.PhoneMasked, p.BankName, p.BankAccountMasked,
        p.DisabilityCategory is { } c ? new DisabilityDto(c, p.DisabilityGrade ?? 0, p.DisabilityCertificateMasked) : null,
        p.LifeStatus, p.DeathDate, p.MissingSince, household, p.Version);
}

public sealed record PersonListItem(
    Guid Id, string Number, string Name, Sex Sex, DateOnly BirthDate, string DivisionCode, string DivisionName,
    HukouType HukouType, DisabilityCategory? DisabilityCategory, int? DisabilityGrade, LifeStatus LifeStatus);

public sealed record HouseholdMemberDto(Guid PersonId, string Name, string Number, Sex Sex, DateOnly BirthDate, Relation Relation, DateOnly JoinedOn, DateOnly? LeftOn, string? LeftReason, LifeStatus LifeStatus);

public sealed record HouseholdDto(
    Guid Id, string Number, string DivisionCode, string DivisionName, string Address, Guid? HeadPersonId, string? HeadName,
    int MemberCount, IReadOnlyList<HouseholdMemberDto> Members, IReadOnlyList<HouseholdMemberDto> FormerMembers, int Version);

public sealed record HouseholdListItem(Guid Id, string Number, string DivisionCode, string DivisionName, string? HeadName, string Address, int MemberCount);

/// <summary>Full identifiers, returned only to holders of registry.reveal-id and audited.</summary>
public sealed record RevealedIdentifiers(string? IdNumber, string? Phone, string? BankAccount, string? DisabilityCertificate);
