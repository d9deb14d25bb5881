using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Figures;

/// <summary>
/// A new figure as an officer enters it (page, <c>/api/v1/figures</c>, or a module's older route mapped onto it). The value
/// fields used depend on the kind: <c>amount</c> (yuan), <c>multiple</c>, <c>percent</c>, <c>number</c> or <c>choice</c>.
/// </summary>
public sealed record FigureInput
{
    [Text(40)] public string? Module { get; init; }
    [Text(40)] public string? Kind { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }

    /// <summary><c>urban</c>, <c>rural</c> or <c>all</c> (default); only kinds that differ by area take urban or rural.</summary>
    [Text(10)] public string? Area { get; init; }
    [Text(40)] public string? Category { get; init; }
    [Amount] public decimal? Amount { get; init; }
    [Within(0, 100)] public decimal? Multiple { get; init; }
    [Within(0, 100)] public decimal? Percent { get; init; }
    [Within(0, 1000000)] public int? Number { get; init; }
    [Text(40)] public string? Choice { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    [Text(200)] public string? Document { get; init; }
    [Text(500)] public string? Note { get; init; }
}

/// <summary>One row of the book as lists show it (page and API).</summary>
public sealed record FigureRow(Guid Id, string Module, string ModuleName, string Kind, string KindName, string DivisionCode, string DivisionName, FigureArea Area,
    string Category, string CategoryName, string Value, decimal? Amount, decimal? Multiple, decimal? Percent, int? Number, string? Choice,
    DateOnly ValidFrom, DateOnly? ValidTo, string Document, string? Note, bool IsDemo, string CreatedBy);

/// <summary>Filters of the book's list; <see cref="Modules"/> restricts to several modules or programs at once.</summary>
public sealed record FigureFilter(string? Module = null, string? Kind = null, string? DivisionCode = null, IReadOnlyCollection<string>? Modules = null, bool InForceOnly = false, DateOnly? On = null);

/// <summary>
/// The figure book: looks figures up (county first, then city; area-specific first, then both areas; the latest in force on
/// the date), lists them, adds new ones without overlapping periods, and ends a period. Writing needs the permission the
/// kind's module declared (<see cref="FigureSection.EditPermission"/>) and a city or county in the user's scope.
/// </summary>
public sealed class FigureBook(AppDbContext db, DivisionDirectory divisions, FigureCatalog catalog, ICurrentUser user)
{
    private List<Figure>? _rows;

    // a small table (a few hundred rows at most): read once per request
    private List<Figure> Rows => _rows ??= db.Set<Figure>().AsNoTracking().ToList();

    public FigureCatalog Catalog => catalog;

    public FigureValue? Find(FigureKind kind, string divisionCode, DateOnly date, string category = "", FigureArea area = FigureArea.All)
    {
        var county = DivisionCodes.CountyPart(divisionCode).PadRight(DivisionCodes.Length, '0');
        var city = divisionCode[..4].PadRight(DivisionCodes.Length, '0');
        foreach (var issuer in new[] { county, city })
        {
            var candidates = Rows.Where(r => r.Module == kind.Module && r.Kind == kind.Code && r.DivisionCode == issuer && r.Category == category
                && r.ValidFrom <= date && (r.ValidTo is null || r.ValidTo >= date)).ToList();
            var hit = candidates.Where(r => r.Area == area).OrderByDescending(r => r.ValidFrom).FirstOrDefault()
                ?? candidates.Where(r => r.Area == FigureArea.All).OrderByDescending(r => r.ValidFrom).FirstOrDefault();
            if (hit is not null) return new FigureValue(kind, hit, divisions.NameOf(issuer));
        }
        return null;
    }

    public FigureValue Require(FigureKind kind, string divisionCode, DateOnly date, string category = "", FigureArea area = FigureArea.All) =>
        Find(kind, divisionCode, date, category, area)
        ?? throw new AppProblem(409, "standard_missing",
            $"{divisions.FullName(divisionCode)} {date:yyyy-MM-dd} 没有生效的“{kind.Name}{(category.Length > 0 ? "·" + kind.CategoryName(category) : "")}”{AreaSuffix(area)}，请市、县民政部门先在“{catalog.SectionOf(kind.Module)?.Name ?? "标准"}”中录入（含文号和执行日期）");

    private static string AreaSuffix(FigureArea area) => area switch { FigureArea.Urban => "（城市）", FigureArea.Rural => "（农村）", _ => "" };

    public static string AreaName(FigureArea area) => area switch { FigureArea.Urban => "城市", FigureArea.Rural => "农村", _ => "" };

    public async Task<Paged<FigureRow>> ListAsync(FigureFilter filter, PageRequest paging, CancellationToken ct = default)
    {
        var q = db.Set<Figure>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Module)) q = q.Where(f => f.Module == filter.Module);
        if (filter.Modules is { } modules) q = q.Where(f => modules.Contains(f.Module));
        if (!string.IsNullOrWhiteSpace(filter.Kind)) q = q.Where(f => f.Kind == filter.Kind);
        if (!string.IsNullOrWhiteSpace(filter.DivisionCode)) q = q.Where(f => f.DivisionCode == filter.DivisionCode);
        if (filter.InForceOnly && filter.On is { } on) q = q.Where(f => f.ValidFrom <= on && (f.ValidTo == null || f.ValidTo >= on));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(f => f.Module).ThenBy(f => f.Kind).ThenBy(f => f.DivisionCode).ThenBy(f => f.Area).ThenBy(f => f.Category).ThenByDescending(f => f.ValidFrom)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Paged<FigureRow>(rows.Select(ToRow).ToList(), total, paging.Page, paging.PageSize);
    }

    public FigureRow ToRow(Figure r)
    {
        var kind = catalog.Find(r.Module, r.Kind);
        return new FigureRow(r.Id, r.Module, catalog.ProgramName(r.Module), r.Kind, kind?.Name ?? r.Kind, r.DivisionCode, divisions.NameOf(r.DivisionCode), r.Area,
            r.Category, kind?.CategoryName(r.Category) ?? r.Category, FigureValue.Text(kind, r), r.Amount?.Yuan, r.Factor, r.Percent, r.Number, r.Choice,
            r.ValidFrom, r.ValidTo, r.Document, r.Note, r.IsDemo, r.CreatedBy);
    }

    /// <summary>Whether the current user may enter figures of <paramref name="module"/> (the permission its module declared).</summary>
    public bool CanEdit(string module) => user.IsSystem || (catalog.SectionOf(module) is { } s && user.HasPermission(s.EditPermission));

    /// <summary>Adds a figure. 403 without the module's permission; 400 with every field error; 409 <c>figure_overlap</c> naming the period in force.</summary>
    public async Task<Figure> AddAsync(FigureInput input, bool isDemo = false, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input); // the limits declared on the input, for the page as for the API (ADR 024)
        var module = input.Module?.Trim() ?? "";
        var kind = catalog.Find(module, input.Kind?.Trim());
        if (kind is not null && !CanEdit(kind.Module)) throw AppProblem.Forbidden($"您没有录入“{catalog.SectionOf(kind.Module)?.Name}”标准的权限");
        var errors = new ValidationErrors();
        if (kind is null) errors.Add("kind", $"未知的标准类型“{input.Module}/{input.Kind}”");
        var division = divisions.Find(input.DivisionCode);
        if (division is null || division.Level is not (DivisionLevel.City or DivisionLevel.County)) errors.Add("divisionCode", "标准由市或县（市、区）制定：请填写市或县级区划代码");
        else if (!user.IsSystem && !user.Scope.Contains(division.Code)) errors.Add("divisionCode", "只能为您管辖范围内的市、县录入标准");
        var area = FigureArea.All;
        if (!string.IsNullOrWhiteSpace(input.Area) && (!Enum.TryParse(input.Area, ignoreCase: true, out area) || !Enum.IsDefined(area))) errors.Add("area", "城乡类别应为城市、农村或城乡统一");
        if (kind is { ByArea: false } && area != FigureArea.All) errors.Add("area", $"“{kind.Name}”不分城乡");
        var category = input.Category?.Trim() ?? "";
        if (kind?.Categories is { } cats && cats.All(c => c.Code != category)) errors.Add("category", $"请选择类别：{string.Join("、", cats.Select(c => c.Name))}");
        if (kind is { Categories: null } && category.Length > 0) errors.Add("category", $"“{kind.Name}”没有类别");
        if (input.ValidFrom is null) errors.Add("validFrom", "请填写执行日期");
        if (input.ValidTo is { } to && input.ValidFrom is { } from && to < from) errors.Add("validTo", "截止日期不能早于执行日期");
        if (string.IsNullOrWhiteSpace(input.Document)) errors.Add("document", "请填写制定标准的文件名称和文号");
        var row = new Figure
        {
            Module = module,
            Kind = kind?.Code ?? "",
            DivisionCode = division?.Code ?? "",
            Area = area,
            Category = category,
            ValidFrom = input.ValidFrom ?? default,
            ValidTo = input.ValidTo,
            Document = input.Document?.Trim() ?? "",
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            IsDemo = isDemo,
            CreatedBy = user.UserName,
        };
        if (kind is not null) SetValue(kind, input, row, errors);
        errors.ThrowIfAny();

        var existing = await db.Set<Figure>().AsNoTracking().Where(f => f.Module == row.Module && f.Kind == row.Kind && f.DivisionCode == row.DivisionCode
                && f.Area == row.Area && f.Category == row.Category
                && (f.ValidTo == null || f.ValidTo >= row.ValidFrom) && (row.ValidTo == null || f.ValidFrom <= row.ValidTo))
            .OrderBy(f => f.ValidFrom).FirstOrDefaultAsync(ct);
        if (existing is not null) throw Overlap(kind!, division!.Name, existing);
        db.Add(row);
        await db.SaveChangesAsync(ct);
        _rows = null;
        return row;
    }

    private static AppProblem Overlap(FigureKind kind, string issuer, Figure existing) => AppProblem.Conflict("figure_overlap",
        $"{issuer}的“{kind.Name}{(existing.Category.Length > 0 ? "·" + kind.CategoryName(existing.Category) : "")}”{AreaSuffix(existing.Area)}已有 {existing.ValidFrom:yyyy-MM-dd} 至 {existing.ValidTo?.ToString("yyyy-MM-dd") ?? "今"} 执行的标准（{existing.Document}），期间重叠：请先给原标准设置截止日期，或调整执行日期");

    /// <summary>Closes a figure's period (so that a new one can start); the history stays. 404 outside the user's scope.</summary>
    public async Task<Figure> EndAsync(Guid id, DateOnly validTo, CancellationToken ct = default)
    {
        var row = await db.Set<Figure>().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw AppProblem.NotFound("标准");
        if (!user.IsSystem && !user.Scope.Contains(row.DivisionCode)) throw AppProblem.NotFound("标准");
        if (!CanEdit(row.Module)) throw AppProblem.Forbidden($"您没有维护“{catalog.SectionOf(row.Module)?.Name}”标准的权限");
        if (validTo < row.ValidFrom) throw AppProblem.Field("validTo", "截止日期不能早于执行日期");
        row.ValidTo = validTo;
        await db.SaveChangesAsync(ct);
        _rows = null;
        return row;
    }

    private static void SetValue(FigureKind kind, FigureInput input, Figure row, ValidationErrors errors)
    {
        Money.Money? ToMoney(decimal? yuan)
        {
            if (yuan is null) return null;
            if (yuan < 0 || decimal.Round(yuan.Value, 2) != yuan) errors.Add("amount", "金额应为不小于0、最多两位小数的元");
            return yuan < 0 || decimal.Round(yuan.Value, 2) != yuan ? null : Money.Money.FromYuan(yuan.Value);
        }
        switch (kind.ValueType)
        {
            case FigureValueType.Amount:
                row.Amount = ToMoney(input.Amount);
                if (input.Amount is null) errors.Add("amount", $"请填写{kind.Name}金额（{kind.Unit}）");
                break;
            case FigureValueType.Multiple:
                if (input.Multiple is not > 0) errors.Add("multiple", "请填写大于0的倍数");
                row.Factor = input.Multiple;
                break;
            case FigureValueType.Percent:
                if (input.Percent is not (> 0 and <= 100)) errors.Add("percent", "比例应在0到100之间");
                row.Percent = input.Percent;
                break;
            case FigureValueType.AmountOrPercent:
                if ((input.Amount is null) == (input.Percent is null)) errors.Add("amount", "金额和比例填写一项");
                else if (input.Percent is not null and not (> 0 and <= 100)) errors.Add("percent", "比例应在0到100之间");
                row.Amount = ToMoney(input.Amount);
                row.Percent = input.Percent;
                break;
            case FigureValueType.AmountOrMultiple:
                if ((input.Amount is null) == (input.Multiple is null)) errors.Add("amount", "金额和倍数填写一项");
                else if (input.Multiple is not null and not > 0) errors.Add("multiple", "请填写大于0的倍数");
                row.Amount = ToMoney(input.Amount);
                row.Factor = input.Multiple;
                break;
            case FigureValueType.Number:
                if (input.Number is not >= 0) errors.Add("number", "请填写不小于0的整数");
                row.Number = input.Number;
                break;
            case FigureValueType.Choice:
                if (kind.Choices!.All(c => c.Code != input.Choice)) errors.Add("choice", $"请选择：{string.Join("、", kind.Choices!.Select(c => c.Name))}");
                row.Choice = input.Choice;
                break;
        }
    }
}
