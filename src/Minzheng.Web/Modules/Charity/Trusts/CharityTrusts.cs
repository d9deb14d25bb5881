using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Charity.Trusts;

public sealed record TrustInput(string? DivisionCode, string? Name, string? Purpose, string? TrusteeKind, string? TrusteeName, string? Settlor, decimal? Property,
    DateOnly? EstablishedOn, DateOnly? FiledOn);

public sealed record TrustDto(Guid Id, string Number, string DivisionCode, string Name, string Purpose, string TrusteeKind, string TrusteeKindName, string TrusteeName,
    string Settlor, decimal Property, DateOnly EstablishedOn, DateOnly FiledOn, DateOnly FilingDueOn, bool Late, int Version);

/// <summary>
/// 慈善信托备案 (慈善法 2016 第四十五条): the county 民政 records the trustee's filing; the record says whether it came within the
/// period of the figure in force on the day the trust document was signed (late filings are kept, and listed as such).
/// </summary>
public sealed class CharityTrusts(AppDbContext db, FigureBook figures, CaseNumbers numbers, BusinessClock clock, ICurrentUser user)
{
    private static readonly NumberSeries Series = new("XT", null, 5);

    public async Task<TrustDto> FileAsync(TrustInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var today = clock.Today;
        var division = input.DivisionCode?.Trim() ?? user.DivisionCode ?? "";
        if (!DivisionCodes.IsWellFormed(division)) errors.Add("divisionCode", "请选择备案的民政部门所在区划");
        else if (!user.Scope.Contains(division)) errors.Add("divisionCode", "只能在本辖区备案");
        string Text(string? value, string field, string name, int max)
        {
            var v = value?.Trim() ?? "";
            if (v.Length == 0) errors.Add(field, $"请填写{name}");
            else if (v.Length > max) errors.Add(field, $"{name}不能超过 {max} 字");
            return v;
        }
        var name = Text(input.Name, "name", "信托名称", 100);
        var purpose = Text(input.Purpose, "purpose", "信托目的", 1000);
        var trustee = Text(input.TrusteeName, "trusteeName", "受托人名称", 100);
        var settlor = Text(input.Settlor, "settlor", "委托人", 200);
        var kind = input.TrusteeKind switch { "charity" => TrusteeKind.Charity, "trust-company" => (TrusteeKind?)TrusteeKind.TrustCompany, _ => null };
        if (kind is null) errors.Add("trusteeKind", "受托人应为慈善组织（charity）或信托公司（trust-company）");
        Money? property = null;
        if (input.Property is not { } p) errors.Add("property", "请填写信托财产金额");
        else if (p <= 0 || decimal.Round(p, 2) != p || p > Money.MaxYuan) errors.Add("property", "金额应大于零，单位元，至多两位小数");
        else property = Money.FromYuan(p, "property");
        if (input.EstablishedOn is not { } established) errors.Add("establishedOn", "请填写信托文件签订日期");
        else if (established > today) errors.Add("establishedOn", "签订日期不能晚于今天");
        var filed = input.FiledOn ?? today;
        if (filed > today) errors.Add("filedOn", "备案日期不能晚于今天");
        else if (input.EstablishedOn is { } e2 && filed < e2) errors.Add("filedOn", "备案日期不能早于信托文件签订日期");
        errors.ThrowIfAny();

        var days = figures.Require(CharityFigures.TrustFilingDays, division, input.EstablishedOn!.Value).Row.Number ?? 0;
        var trust = new CharityTrust
        {
            Number = await numbers.NextAsync(Series with { Year = filed.Year }, db.Set<CharityTrust>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(t => (string?)t.Number), ct),
            DivisionCode = division,
            Name = name,
            Purpose = purpose,
            TrusteeKind = kind!.Value,
            TrusteeName = trustee,
            Settlor = settlor,
            Property = property!.Value,
            EstablishedOn = input.EstablishedOn!.Value,
            FiledOn = filed,
            FilingDueOn = input.EstablishedOn!.Value.AddDays(days),
            RecordedBy = user.UserName,
        };
        db.Add(trust);
        await db.SaveChangesAsync(ct);
        return Dto(trust);
    }

    public async Task<Paged<TrustDto>> ListAsync(bool lateOnly, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<CharityTrust>().AsNoTracking();
        if (lateOnly) q = q.Where(t => t.FiledOn > t.FilingDueOn);
        var rows = await q.OrderByDescending(t => t.FiledOn).ThenByDescending(t => t.Id).ToPagedAsync(page, ct);
        return rows.Select(Dto);
    }

    public static TrustDto Dto(CharityTrust t) => new(t.Id, t.Number, t.DivisionCode, t.Name, t.Purpose, t.TrusteeKind == TrusteeKind.Charity ? "charity" : "trust-company",
        t.TrusteeKind == TrusteeKind.Charity ? "慈善组织" : "信托公司", t.TrusteeName, t.Settlor, t.Property.Yuan, t.EstablishedOn, t.FiledOn, t.FilingDueOn,
        t.FiledOn > t.FilingDueOn, t.Version);
}
