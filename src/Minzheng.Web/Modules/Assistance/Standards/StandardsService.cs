using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Standards;

/// <summary>
/// <c>{ "program": "dibao", "kind": "monthly-standard", "divisionCode", "area", "monthlyAmount", "validFrom", "validTo", "document" }</c>;
/// <c>kind</c> defaults to the program's main standard. Other kinds carry <c>amount</c>, <c>multiple</c>,
/// <c>percent</c>, <c>number</c> or <c>choice</c>, and <c>category</c> where they have categories.
/// </summary>
public sealed record StandardInput
{
    public string? Program { get; init; }
    public string? Kind { get; init; }
    public string? DivisionCode { get; init; }
    public string? Area { get; init; }
    public string? Category { get; init; }
    public decimal? MonthlyAmount { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Multiple { get; init; }
    public decimal? Percent { get; init; }
    public int? Number { get; init; }
    public string? Choice { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public string? Document { get; init; }
    public string? Note { get; init; }
}

/// <summary>Officers enter figures with their document; periods of the same figure may not overlap (409).</summary>
public sealed class StandardsService(AppDbContext db, DivisionDirectory divisions, ICurrentUser user)
{
    public static string DefaultKind(string? program) => program switch
    {
        StandardKinds.ExtremePoverty => StandardKinds.EpBasic.Code,
        StandardKinds.Temporary => StandardKinds.TempCap.Code,
        _ => StandardKinds.DibaoMonthly.Code,
    };

    public async Task<AssistanceStandard> CreateAsync(StandardInput input, bool isDemo = false, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var program = input.Program?.Trim() ?? "";
        var kind = StandardKinds.Find(program, string.IsNullOrWhiteSpace(input.Kind) ? DefaultKind(program) : input.Kind.Trim());
        if (kind is null) errors.Add("kind", $"未知的标准类型“{input.Program}/{input.Kind}”");
        var division = divisions.Find(input.DivisionCode);
        if (division is null || division.Level is not (DivisionLevel.City or DivisionLevel.County)) errors.Add("divisionCode", "标准由市或县（市、区）制定：请填写市或县级区划代码");
        else if (!user.Scope.Contains(division.Code) && !user.IsSystem) errors.Add("divisionCode", "只能为您管辖范围内的市、县录入标准");
        var area = Standards.Area.All;
        if (!string.IsNullOrWhiteSpace(input.Area) && !Enum.TryParse(input.Area, ignoreCase: true, out area)) errors.Add("area", "城乡类别应为 urban、rural 或 all");
        if (kind is { ByArea: false } && area != Standards.Area.All) errors.Add("area", $"“{kind.Name}”不分城乡");
        var category = input.Category?.Trim() ?? "";
        if (kind?.Categories is { } cats && !cats.Any(c => c.Code == category)) errors.Add("category", $"请选择类别：{string.Join("、", cats.Select(c => c.Code))}");
        if (kind?.Categories is null && category.Length > 0) errors.Add("category", $"“{kind?.Name}”没有类别");
        if (input.ValidFrom is null) errors.Add("validFrom", "请填写执行日期");
        if (input.ValidTo is { } to && input.ValidFrom is { } from && to < from) errors.Add("validTo", "截止日期不能早于执行日期");
        if (string.IsNullOrWhiteSpace(input.Document)) errors.Add("document", "请填写制定标准的文件文号");

        var row = new AssistanceStandard
        {
            Program = program,
            Kind = kind?.Code ?? "",
            DivisionCode = division?.Code ?? "",
            Area = area,
            Category = category,
            ValidFrom = input.ValidFrom ?? default,
            ValidTo = input.ValidTo,
            Document = input.Document?.Trim() ?? "",
            Note = input.Note?.Trim(),
            IsDemo = isDemo,
            CreatedBy = user.UserName,
        };
        if (kind is not null) SetValue(kind, input, row, errors);
        errors.ThrowIfAny();

        var overlapping = await db.Set<AssistanceStandard>().AnyAsync(s => s.Program == row.Program && s.Kind == row.Kind && s.DivisionCode == row.DivisionCode
            && s.Area == row.Area && s.Category == row.Category
            && (s.ValidTo == null || s.ValidTo >= row.ValidFrom) && (row.ValidTo == null || s.ValidFrom <= row.ValidTo), ct);
        if (overlapping)
        {
            throw AppProblem.Conflict("standard_overlap", $"{division!.Name}的“{kind!.Name}”在该期间已有生效的标准：请先给原标准设置截止日期，或调整执行日期");
        }
        db.Set<AssistanceStandard>().Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Closes a figure's period (so that a new one can start); the history stays.</summary>
    public async Task EndAsync(Guid id, DateOnly validTo, CancellationToken ct = default)
    {
        var row = await db.Set<AssistanceStandard>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw AppProblem.NotFound("标准");
        if (!user.Scope.Contains(row.DivisionCode)) throw AppProblem.NotFound("标准");
        if (validTo < row.ValidFrom) throw AppProblem.Field("validTo", "截止日期不能早于执行日期");
        row.ValidTo = validTo;
        await db.SaveChangesAsync(ct);
    }

    private static void SetValue(StandardKind kind, StandardInput input, AssistanceStandard row, ValidationErrors errors)
    {
        var amount = input.MonthlyAmount ?? input.Amount;
        static Money? ToMoney(decimal? yuan, ValidationErrors errors)
        {
            if (yuan is null) return null;
            if (yuan < 0 || decimal.Round(yuan.Value, 2) != yuan) errors.Add("amount", "金额应为不小于0、最多两位小数的元");
            return yuan < 0 || decimal.Round(yuan.Value, 2) != yuan ? null : Money.FromYuan(yuan.Value);
        }
        switch (kind.ValueType)
        {
            case StandardValueType.Amount:
                row.Amount = ToMoney(amount, errors);
                if (amount is null) errors.Add("monthlyAmount", $"请填写{kind.Name}金额（{kind.Unit}）");
                break;
            case StandardValueType.Multiple:
                if (input.Multiple is not > 0) errors.Add("multiple", "请填写大于0的倍数");
                row.Factor = input.Multiple;
                break;
            case StandardValueType.Percent:
                if (input.Percent is not (> 0 and <= 100)) errors.Add("percent", "比例应在0到100之间");
                row.Percent = input.Percent;
                break;
            case StandardValueType.AmountOrPercent:
                if ((amount is null) == (input.Percent is null)) errors.Add("amount", "金额和比例填写一项");
                row.Amount = ToMoney(amount, errors);
                row.Percent = input.Percent;
                break;
            case StandardValueType.AmountOrMultiple:
                if ((amount is null) == (input.Multiple is null)) errors.Add("amount", "金额和倍数填写一项");
                row.Amount = ToMoney(amount, errors);
                row.Factor = input.Multiple;
                break;
            case StandardValueType.Number:
                if (input.Number is not >= 0) errors.Add("number", "请填写不小于0的整数");
                row.Number = input.Number;
                break;
            case StandardValueType.Choice:
                if (kind.Choices!.All(c => c.Code != input.Choice)) errors.Add("choice", $"可选值：{string.Join("、", kind.Choices!.Select(c => c.Code))}");
                row.Choice = input.Choice;
                break;
        }
    }
}
