using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Disability.Fukang;

public sealed record FukangDeviceInput(string? DivisionCode, int? Year, string? Code, string? Name, decimal? UnitPrice, int? ReplacementMonths, Guid? SupplierId, string? Document);

public sealed record FukangDeviceUpdate(decimal? UnitPrice, int? ReplacementMonths, Guid? SupplierId, string? Document, int? Version);

public sealed record FukangBudgetInput(string? DivisionCode, int? Year, decimal? Amount, string? Document);

public sealed record FukangBudgetUpdate(decimal? Amount, string? Document, int? Version);

/// <summary>
/// The county's 福康工程 catalogue (device items with price, replacement period and supplier, per year) and yearly budget.
/// Written by county officers within their county; read by everyone of the county (a township clerk picks a device from
/// the county's catalogue, which lies above the township's scope: read by the county's code, never another county's).
/// </summary>
public sealed class FukangCatalogue(AppDbContext db, ICurrentUser user, DivisionDirectory divisions, OrganizationPayees payees, AuditLog audit)
{
    /// <summary>The county of the signed-in user (a township or village user reads the catalogue of the county it lies in), or null for the city.</summary>
    public string? UserCounty => user.DivisionCode is { Length: 12 } code && DivisionCodes.LevelOf(code) is not (DivisionLevel.City or DivisionLevel.Province)
        ? DivisionCodes.CountyPart(code).PadRight(DivisionCodes.Length, '0') : null;

    /// <summary>The devices of a county's catalogue (all years when none given): the county's own, or every county in scope for the city.</summary>
    public IQueryable<FukangDevice> Devices(int? year) =>
        Catalogue(db.Set<FukangDevice>(), year).OrderBy(d => d.DivisionCode).ThenByDescending(d => d.Year).ThenBy(d => d.Code);

    public IQueryable<FukangBudget> Budgets(int? year) =>
        Catalogue(db.Set<FukangBudget>(), year).OrderBy(d => d.DivisionCode).ThenByDescending(d => d.Year);

    private IQueryable<T> Catalogue<T>(IQueryable<T> set, int? year) where T : class, IDivisionScoped
    {
        var county = UserCounty;
        // below a county, the scope filter would hide the county's rows: read exactly the own county's, nothing wider
        var q = county is not null && !user.Scope.Contains(county)
            ? set.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(d => d.DivisionCode == county)
            : set.AsNoTracking();
        if (year is { } y) q = q.Where(d => EF.Property<int>(d, "Year") == y);
        return q;
    }

    /// <summary>A device of the person's county catalogue (the township clerk reads it unscoped, by the county's code).</summary>
    public Task<FukangDevice?> DeviceForCountyAsync(Guid id, string countyCode, CancellationToken ct) =>
        db.Set<FukangDevice>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.DivisionCode == countyCode, ct);

    public Task<FukangBudget?> BudgetForCountyAsync(string countyCode, int year, CancellationToken ct) =>
        db.Set<FukangBudget>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(b => b.DivisionCode == countyCode && b.Year == year, ct);

    public async Task<FukangDevice> LoadDeviceAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<FukangDevice>().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw AppProblem.NotFound("福康工程辅具目录项");

    public async Task<FukangBudget> LoadBudgetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<FukangBudget>().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw AppProblem.NotFound("福康工程年度预算");

    private string? County(string? input, ValidationErrors errors)
    {
        var code = string.IsNullOrWhiteSpace(input) ? user.DivisionCode : input.Trim();
        if (divisions.Find(code) is not { Level: DivisionLevel.County } d) { errors.Add("divisionCode", "福康工程目录和预算由县（市、区）制定：请填写县级区划代码"); return null; }
        if (!user.IsSystem && !user.Scope.Contains(d.Code)) { errors.Add("divisionCode", "只能为您管辖的县（市、区）登记"); return null; }
        return d.Code;
    }

    private static void Year(int? year, ValidationErrors errors)
    {
        if (year is not (>= 2000 and <= 2100)) errors.Add("year", "请填写年度（2000 至 2100）");
    }

    private static void Price(decimal? price, string field, string what, ValidationErrors errors, decimal max = 1_000_000m)
    {
        if (price is not { } p || p <= 0 || p > max || decimal.Round(p, 2) != p) errors.Add(field, $"{what}须为大于 0、最多两位小数的金额（元）");
    }

    private static void Months(int? months, ValidationErrors errors)
    {
        if (months is not (>= 1 and <= 240)) errors.Add("replacementMonths", "更换周期应为 1 至 240 个月");
    }

    private static void Document(string? document, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(document)) errors.Add("document", "请填写目录或预算的文件名称、文号");
        else if (document.Trim().Length > 200) errors.Add("document", "不能超过 200 个字");
    }

    // the county's payroll pays over its own divisions: a supplier registered elsewhere could not be paid by it
    private Task<Organization?> SupplierAsync(Guid? id, string? county, ValidationErrors errors, CancellationToken ct) =>
        payees.PayeeAsync(id, county, errors, "supplierId", "供应商", ct);

    public async Task<FukangDevice> AddDeviceAsync(FukangDeviceInput input, bool isDemo = false, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var county = County(input.DivisionCode, errors);
        Year(input.Year, errors);
        var code = input.Code?.Trim().ToLowerInvariant() ?? "";
        if (code.Length is 0 or > 40 || !code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')) errors.Add("code", "请填写辅具类型代码（小写字母、数字和连字符，最多 40 个字符，如 wheelchair）");
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写辅具名称（如 轮椅）");
        else if (input.Name.Trim().Length > 100) errors.Add("name", "不能超过 100 个字");
        Price(input.UnitPrice, "unitPrice", "单价", errors);
        Months(input.ReplacementMonths, errors);
        Document(input.Document, errors);
        var supplier = await SupplierAsync(input.SupplierId, county, errors, ct);
        errors.ThrowIfAny();
        if (await db.Set<FukangDevice>().AnyAsync(d => d.DivisionCode == county && d.Year == input.Year && d.Code == code, ct))
        {
            throw AppProblem.Conflict("disability_fukang_device_exists", $"{divisions.NameOf(county)} {input.Year} 年度目录中已有“{code}”类辅具，请修改原目录项");
        }
        var device = new FukangDevice
        {
            DivisionCode = county!,
            Year = input.Year!.Value,
            Code = code,
            Name = input.Name!.Trim(),
            UnitPrice = Money.FromYuan(input.UnitPrice!.Value, "unitPrice"),
            ReplacementMonths = input.ReplacementMonths!.Value,
            SupplierOrganizationId = supplier!.Id,
            SupplierName = supplier.Name,
            Document = input.Document!.Trim(),
            IsDemo = isDemo,
        };
        db.Add(device);
        audit.Add("create", "disability_fukang_device", device.Id.ToString(), new { device.Year, device.Code, device.Name, unitPrice = device.UnitPrice.Yuan, device.ReplacementMonths, device.SupplierName }, county);
        await db.SaveChangesAsync(ct);
        return device;
    }

    public async Task<FukangDevice> UpdateDeviceAsync(Guid id, FukangDeviceUpdate input, CancellationToken ct = default)
    {
        var device = await LoadDeviceAsync(id, ct);
        if (input.Version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(device, v);
        var errors = new ValidationErrors();
        Price(input.UnitPrice, "unitPrice", "单价", errors);
        Months(input.ReplacementMonths, errors);
        Document(input.Document, errors);
        var supplier = await SupplierAsync(input.SupplierId ?? device.SupplierOrganizationId, device.DivisionCode, errors, ct);
        errors.ThrowIfAny();
        var before = new { unitPrice = device.UnitPrice.Yuan, device.ReplacementMonths, device.SupplierName, device.Document };
        device.UnitPrice = Money.FromYuan(input.UnitPrice!.Value, "unitPrice");
        device.ReplacementMonths = input.ReplacementMonths!.Value;
        device.SupplierOrganizationId = supplier!.Id;
        device.SupplierName = supplier.Name;
        device.Document = input.Document!.Trim();
        // applications keep the price and period copied at assessment: a later change does not reprice them
        audit.Add("update", "disability_fukang_device", device.Id.ToString(), new { before, after = new { unitPrice = device.UnitPrice.Yuan, device.ReplacementMonths, device.SupplierName, device.Document } }, device.DivisionCode);
        await db.SaveChangesAsync(ct);
        return device;
    }

    public async Task<FukangBudget> AddBudgetAsync(FukangBudgetInput input, bool isDemo = false, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var county = County(input.DivisionCode, errors);
        Year(input.Year, errors);
        Price(input.Amount, "amount", "预算", errors, 1_000_000_000m);
        Document(input.Document, errors);
        errors.ThrowIfAny();
        if (await db.Set<FukangBudget>().AnyAsync(b => b.DivisionCode == county && b.Year == input.Year, ct))
        {
            throw AppProblem.Conflict("disability_fukang_budget_exists", $"{divisions.NameOf(county)} {input.Year} 年度已有福康工程预算，请调整原预算");
        }
        var budget = new FukangBudget { DivisionCode = county!, Year = input.Year!.Value, Amount = Money.FromYuan(input.Amount!.Value, "amount"), Document = input.Document!.Trim(), IsDemo = isDemo };
        db.Add(budget);
        audit.Add("create", "disability_fukang_budget", budget.Id.ToString(), new { budget.Year, amount = budget.Amount.Yuan, budget.Document }, county);
        await db.SaveChangesAsync(ct);
        return budget;
    }

    public async Task<FukangBudget> UpdateBudgetAsync(Guid id, FukangBudgetUpdate input, CancellationToken ct = default)
    {
        var budget = await LoadBudgetAsync(id, ct);
        if (input.Version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(budget, v);
        var errors = new ValidationErrors();
        Price(input.Amount, "amount", "预算", errors, 1_000_000_000m);
        Document(input.Document, errors);
        errors.ThrowIfAny();
        var before = budget.Amount.Yuan;
        budget.Amount = Money.FromYuan(input.Amount!.Value, "amount");
        budget.Document = input.Document!.Trim();
        audit.Add("update", "disability_fukang_budget", budget.Id.ToString(), new { before, after = budget.Amount.Yuan, budget.Document }, budget.DivisionCode);
        await db.SaveChangesAsync(ct);
        return budget;
    }

    public static object ToDto(FukangDevice d) => new
    {
        d.Id,
        d.DivisionCode,
        d.Year,
        d.Code,
        d.Name,
        unitPrice = d.UnitPrice.Yuan,
        d.ReplacementMonths,
        supplierId = d.SupplierOrganizationId,
        d.SupplierName,
        d.Document,
        d.IsDemo,
        d.Version,
    };

    public static object ToDto(FukangBudget b) => new { b.Id, b.DivisionCode, b.Year, amount = b.Amount.Yuan, b.Document, b.IsDemo, b.Version };
}
